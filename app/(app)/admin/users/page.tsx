import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { ServiceAccountBadge } from "@/components/admin/users/service-account-badge";
import { SignInLabel } from "@/components/admin/users/sign-in-label";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { inputClass } from "@/components/ui/form-field";
import { Instant } from "@/components/ui/instant";
import { enterPage } from "@/lib/gate/page-gate";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { AppError } from "@/lib/result";
import { listUsersForAdmin, type AdminUserListItem } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

const pageSize = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pageHref(q: string | undefined, cursor: { cursor?: string; before?: string }): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor.cursor) params.set("cursor", cursor.cursor);
  if (cursor.before) params.set("before", cursor.before);
  const query = params.toString();
  return query ? `/admin/users?${query}` : "/admin/users";
}

/** A refused search or cursor, straight from the service rather than through an action: its keys are rendered here. */
async function ListRefusal({ error, q }: { error: AppError; q: string | undefined }) {
  const [t, locale] = await Promise.all([getTranslations("adminUsers"), requestLocale()]);
  const rendered = renderAppError(locale, error);
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {Object.values(rendered.fields ?? {})[0] ?? rendered.message}{" "}
      <Link href={pageHref(q, {})} className="underline">
        {t("backToFirstPage")}
      </Link>
    </p>
  );
}

/** The user's sites, the primary one in bold (and said so to screen readers), archived ones marked. */
async function SitesCell({ item }: { item: AdminUserListItem }) {
  const [t, tCommon] = await Promise.all([getTranslations("adminUsers"), getTranslations("common")]);
  return (
    <td className="min-w-40 px-4 py-2 [overflow-wrap:anywhere]">
      {item.sites.length === 0 ? (
        <span className="text-gray-600">{tCommon("none")}</span>
      ) : (
        item.sites.map((site, index) => (
          <span key={site.id}>
            {index > 0 && ", "}
            <span className={site.id === item.primarySiteId ? "font-medium" : undefined}>{site.name}</span>
            {site.id === item.primarySiteId && <span className="sr-only"> {t("primaryMark")}</span>}
            {site.archived && <span className="text-gray-600"> {t("archivedMark")}</span>}
          </span>
        ))
      )}
    </td>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, db } = await enterPage({ name: "users.list", capability: "administer" });
  const params = await searchParams;
  const q = first(params.q)?.trim() || undefined;
  const [result, t, tAdmin, tCommon] = await Promise.all([
    listUsersForAdmin(db, user, { q, limit: pageSize, cursor: first(params.cursor), before: first(params.before) }),
    getTranslations("adminUsers"),
    getTranslations("admin"),
    getTranslations("common"),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
        </div>
        <Link href="/admin/users/new" className={buttonStyles.primary}>
          {t("newUser")}
        </Link>
      </div>

      <form action="/admin/users" method="get" role="search" className="flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-gray-700">
            {t("searchLabel")}
          </label>
          <input id="q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} className={inputClass()} />
        </div>
        <button type="submit" className={buttonStyles.secondary}>
          {tCommon("actions.search")}
        </button>
        {q && (
          <Link href="/admin/users" className="rounded px-2 py-2 text-sm text-gray-700 hover:underline">
            {tCommon("actions.clear")}
          </Link>
        )}
      </form>

      {!result.ok ? (
        <ListRefusal error={result.error} q={q} />
      ) : (
        <>
          <p className="text-sm text-gray-600" aria-live="polite">
            {result.data.total === 0
              ? q
                ? t("count.noMatch", { q })
                : t("count.none")
              : q
                ? t("count.matching", { count: result.data.total, q })
                : t("count.all", { count: result.data.total })}
          </p>
          {result.data.items.length > 0 && (
            <DataTable
              caption={t("caption")}
              columns={[
                t("columns.name"),
                t("columns.email"),
                t("columns.role"),
                t("columns.sites"),
                t("columns.signIn"),
                t("columns.status"),
                t("columns.lastActivity"),
              ]}
            >
              {result.data.items.map((item) => (
                <tr key={item.id} className={item.active ? undefined : "text-gray-700"}>
                  <RecordLinkCell href={`/admin/users/${item.id}`} name={item.name}>
                    <ServiceAccountBadge kind={item.kind} />
                  </RecordLinkCell>
                  <td className="px-4 py-2">
                    {/* One line, cut short if it must: an address broken mid-word misreads; the full one is in the title and on the user's page. */}
                    <span className="block max-w-64 truncate" title={item.email}>
                      {item.email}
                    </span>
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">{tCommon(`roles.${item.role}`)}</td>
                  <SitesCell item={item} />
                  <td className="whitespace-nowrap px-4 py-2">
                    <SignInLabel user={item} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-2">
                    {item.active ? (
                      <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800">{tCommon("states.active")}</span>
                    ) : (
                      <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium text-gray-700">{tCommon("states.deactivated")}</span>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-gray-700">
                    {item.lastActivityAt === null ? t("never") : <Instant value={item.lastActivityAt} />}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {(result.data.previousCursor || result.data.nextCursor) && (
            <nav aria-label={tCommon("pagination")} className="flex flex-wrap items-center gap-3">
              {result.data.previousCursor && (
                <Link href={pageHref(q, { before: result.data.previousCursor })} className={`${buttonStyles.secondary} gap-1.5`}>
                  <span aria-hidden="true">←</span>
                  {tCommon("actions.previous")}
                </Link>
              )}
              {result.data.nextCursor && (
                <Link href={pageHref(q, { cursor: result.data.nextCursor })} className={`${buttonStyles.secondary} gap-1.5`}>
                  {tCommon("actions.next")}
                  <span aria-hidden="true">→</span>
                </Link>
              )}
              <span className="text-sm text-gray-600">{t("pageSize", { count: pageSize })}</span>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
