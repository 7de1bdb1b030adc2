import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/form-field";
import { Instant } from "@/components/ui/instant";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { objectPath } from "@/lib/objects/object-paths";
import type { ObjectSearch } from "@/lib/objects/search-objects";

/** The header search's page: the search box again, the capped count, and matching objects of every type. */
export async function SearchResults({ q, cursor, search }: { q: string; cursor: string | undefined; search: ObjectSearch | null }) {
  const [t, tTypes, locale] = await Promise.all([getTranslations("workspace.search"), getTranslations("common.objectTypes"), requestLocale()]);
  const page = search?.page;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
      <form method="get" action="/search" role="search" aria-label={t("title")} className="flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className="block text-sm font-medium text-gray-700">
            {t("label")}
          </label>
          <input id="search-q" name="q" type="search" defaultValue={q} className={inputClass()} placeholder={t("placeholder")} />
        </div>
        <button type="submit" className={buttonStyles.primary}>
          {t("submit")}
        </button>
      </form>
      {!search ? (
        <p className="text-sm text-gray-600">{t("prompt")}</p>
      ) : !page?.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {page ? (Object.values(renderAppError(locale, page.error).fields ?? {})[0] ?? renderAppError(locale, page.error).message) : null}
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-600" aria-live="polite">
            {search.count.ok ? t("count", { label: search.count.data.label, count: search.count.data.count, q }) : null}
          </p>
          {page.data.items.length > 0 && (
            <DataTable caption={t("caption", { q })} columns={[t("reference"), t("titleColumn"), t("type"), t("updated")]}>
              {page.data.items.map((item) => (
                <tr key={item.id}>
                  <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                    <Link href={objectPath(item.type, item.id)} className="text-blue-700 hover:underline">
                      {item.reference}
                    </Link>
                  </td>
                  <td className="min-w-48 px-4 py-2 [overflow-wrap:anywhere]">
                    <Link href={objectPath(item.type, item.id)} className="font-medium text-blue-700 hover:underline">
                      {item.title}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{tTypes(item.type)}</td>
                  <td className="whitespace-nowrap px-4 py-2">
                    <Instant value={item.updatedAt} style="date" />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="flex gap-2">
            {cursor && (
              <Link href={`/search?${new URLSearchParams({ q })}`} className={buttonStyles.secondary}>
                {t("firstPage")}
              </Link>
            )}
            {page.data.nextCursor && (
              <Link href={`/search?${new URLSearchParams({ q, cursor: page.data.nextCursor })}`} className={buttonStyles.secondary}>
                {t("nextPage")}
              </Link>
            )}
          </div>
        </>
      )}
    </div>
  );
}
