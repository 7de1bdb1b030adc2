import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";
import type { ObjectType } from "@/db/schema";
import { objectListSorts } from "@/lib/objects/list-object-page";
import { statusesByType } from "@/lib/objects/object-status";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { SiteChoice } from "@/lib/sites/list-site-choices";
import { statusLabels } from "../status-label";
import { firstParam, propertyParam, type SearchParams } from "@/lib/objects/object-list-url";

// The property types a list filters by in its form: the rest (relations, multi-line ranges) live in saved views.
const filterableTypes = new Set(["text", "number", "date", "boolean", "single_choice", "multi_choice"]);

/**
 * The list's filter form: a GET form, so a filtered list is a link anyone can share and the browser's back button
 * undoes a filter. A saved view, when one is picked, stays applied under these filters.
 */
export async function ObjectListFilters({
  type,
  path,
  params,
  sites,
  properties,
}: {
  type: ObjectType;
  path: string;
  params: SearchParams;
  sites: SiteChoice[];
  properties: PropertyDefinitionFacts[];
}) {
  const [t, statusLabel] = await Promise.all([getTranslations("workspace.list"), statusLabels()]);
  const view = firstParam(params, "view");
  const filterable = properties.filter((property) => filterableTypes.has(property.type));
  const field = "min-w-0";
  return (
    <form method="get" action={path} role="search" aria-label={t("filtersLabel")} className="rounded-lg border border-gray-200 bg-white p-4">
      {view && <input type="hidden" name="view" value={view} />}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className={`${field} sm:col-span-2`}>
          <label htmlFor="list-q" className="block text-sm font-medium text-gray-700">
            {t("search")}
          </label>
          <input id="list-q" name="q" type="search" defaultValue={firstParam(params, "q")} className={inputClass()} placeholder={t("searchPlaceholder")} />
        </div>
        <div className={field}>
          <label htmlFor="list-status" className="block text-sm font-medium text-gray-700">
            {t("status")}
          </label>
          <select id="list-status" name="status" defaultValue={firstParam(params, "status") ?? ""} className={inputClass()}>
            <option value="">{t("any")}</option>
            {statusesByType[type].map((status) => (
              <option key={status} value={status}>
                {statusLabel(type, status)}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="list-site" className="block text-sm font-medium text-gray-700">
            {t("site")}
          </label>
          <select id="list-site" name="siteId" defaultValue={firstParam(params, "siteId") ?? ""} className={inputClass()}>
            <option value="">{t("anySite")}</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.archived ? t("archivedSite", { name: site.name }) : site.name}
              </option>
            ))}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="list-owner" className="block text-sm font-medium text-gray-700">
            {t("owner")}
          </label>
          <select id="list-owner" name="owner" defaultValue={firstParam(params, "owner") ?? ""} className={inputClass()}>
            <option value="">{t("anyone")}</option>
            <option value="me">{t("me")}</option>
          </select>
        </div>
        <div className={field}>
          <label htmlFor="list-sort" className="block text-sm font-medium text-gray-700">
            {t("sort")}
          </label>
          <select id="list-sort" name="sort" defaultValue={firstParam(params, "sort") ?? ""} className={inputClass()}>
            <option value="">{view ? t("sorts.view") : t("sorts.newest")}</option>
            {objectListSorts
              .filter((sort) => sort !== "newest" || view)
              .map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sorts.${sort}`)}
                </option>
              ))}
          </select>
        </div>
        {filterable.map((property) => {
          const id = `list-p-${property.id}`;
          const name = propertyParam(property.id);
          const value = firstParam(params, name) ?? "";
          return (
            <div key={property.id} className={field}>
              <label htmlFor={id} className="block text-sm font-medium text-gray-700 [overflow-wrap:anywhere]">
                {property.name}
              </label>
              {property.type === "single_choice" || property.type === "multi_choice" || property.type === "boolean" ? (
                <select id={id} name={name} defaultValue={value} className={inputClass()}>
                  <option value="">{t("any")}</option>
                  {property.type === "boolean" ? (
                    <>
                      <option value="true">{t("yes")}</option>
                      <option value="false">{t("no")}</option>
                    </>
                  ) : (
                    property.options.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.label}
                      </option>
                    ))
                  )}
                </select>
              ) : (
                <input
                  id={id}
                  name={name}
                  type={property.type === "date" ? "date" : property.type === "number" ? "number" : "text"}
                  step={property.type === "number" ? "any" : undefined}
                  defaultValue={value}
                  className={inputClass()}
                />
              )}
            </div>
          );
        })}
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.primary}>
          {t("apply")}
        </button>
        <a href={view ? `${path}?view=${view}` : path} className={buttonStyles.secondary}>
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
