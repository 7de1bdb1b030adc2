import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable } from "@/components/ui/data-table";
import type { ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { ObjectListPage } from "@/lib/objects/list-object-page";
import type { WorkspaceList } from "@/lib/objects/load-workspace-list";
import { objectListHref, type SearchParams } from "@/lib/objects/object-list-url";
import { objectListPaths } from "@/lib/objects/object-paths";
import { statusLabels } from "../status-label";
import { ObjectListCell } from "./object-list-cell";
import { ObjectListFilters } from "./object-list-filters";
import { SaveViewForm } from "./save-view-form";

/** The saved views of the type as links: the list itself, then shared views, then the user's own. */
async function ViewLinks({ path, current, views }: { path: string; current: string | undefined; views: { id: string; name: string; shared: boolean }[] }) {
  const t = await getTranslations("workspace.views");
  const link = (href: string, label: string, active: boolean, key: string) => (
    <li key={key}>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`inline-block rounded-full border px-3 py-1 text-sm ${active ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50"}`}
      >
        {label}
      </Link>
    </li>
  );
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-2">
        {link(path, t("all"), !current, "all")}
        {views.map((view) => link(`${path}?view=${view.id}`, view.shared ? view.name : t("personal", { name: view.name }), current === view.id, view.id))}
      </ul>
    </nav>
  );
}

/**
 * A workspace list of one object type: saved views, the filter form, the capped count, the table and its pages.
 * Everything shown comes from `listObjectPage`, which filters with the visibility predicate in SQL.
 */
export async function ObjectListView({ type, user, params, list }: { type: ObjectType; user: ActingUser; params: SearchParams; list: WorkspaceList }) {
  const path = objectListPaths[type];
  const { page: result, sites, views } = list;
  const [locale, t, tTypes] = await Promise.all([requestLocale(), getTranslations("workspace.list"), getTranslations("common.objectTypesPlural")]);
  const current = typeof params.view === "string" ? params.view : undefined;
  const canCreate = roleAllows(user.role, "edit_objects");
  const query = new URLSearchParams(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && key !== "cursor" ? [[key, value]] : []))).toString();

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{tTypes(type)}</h1>
          {result.ok && (
            <p className="mt-1 text-sm text-gray-600" aria-live="polite">
              {t("count", { label: result.data.count.label, count: result.data.count.count })}
            </p>
          )}
        </div>
        {canCreate && (
          <Link href={`${path}/new`} className={buttonStyles.primary}>
            {t(`new.${type}`)}
          </Link>
        )}
      </div>
      <ViewLinks path={path} current={current} views={views} />
      <ObjectListFilters type={type} path={path} params={params} sites={sites} properties={result.ok ? result.data.properties : []} />
      {!result.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {Object.values(renderAppError(locale, result.error).fields ?? {})[0] ?? renderAppError(locale, result.error).message}{" "}
          <Link href={path} className="underline">
            {t("backToFirstPage")}
          </Link>
        </p>
      ) : result.data.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-8 text-center text-sm text-gray-600">{t("empty")}</p>
      ) : (
        <ResultTable type={type} data={result.data} caption={tTypes(type)} />
      )}
      {result.ok && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex gap-2">
            {typeof params.cursor === "string" && (
              <Link href={objectListHref(path, params, { cursor: undefined })} className={buttonStyles.secondary}>
                {t("firstPage")}
              </Link>
            )}
            {result.data.nextCursor && (
              <Link href={objectListHref(path, params, { cursor: result.data.nextCursor })} className={buttonStyles.secondary}>
                {t("nextPage")}
              </Link>
            )}
          </div>
          <SaveViewForm objectType={type} params={query} />
        </div>
      )}
    </div>
  );
}

async function ResultTable({ type, data, caption }: { type: ObjectType; data: ObjectListPage; caption: string }) {
  const [t, statusLabel, tColumns] = await Promise.all([getTranslations("workspace.list"), statusLabels(), getTranslations("workspace.columns")]);
  const definitions = new Map(data.properties.map((property) => [property.id, property]));
  const columns = data.columns.map((field) => (field.source === "property" ? (definitions.get(field.propertyId)?.name ?? t("deletedProperty")) : tColumns(field.column)));
  return (
    <DataTable caption={caption} columns={[...columns, t("status")]}>
      {data.items.map((row) => (
        <tr key={row.id}>
          {data.columns.map((field, index) => (
            <ObjectListCell key={index} row={row} field={field} definitions={definitions} />
          ))}
          <td className="whitespace-nowrap px-4 py-2 align-top">{row.status ? statusLabel(type, row.status) : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
