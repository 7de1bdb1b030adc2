import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { loadPropertyViews } from "@/lib/properties/property-view";
import { loadSavedViews } from "@/lib/views/saved-view";
import { isBuiltInViewField, propertyIdOfField } from "@/lib/views/view-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminViews"))("title") };
}

export default async function ViewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "views.list", capability: "administer" });
  const views = await loadSavedViews(db, user, { shared: true });
  const propertyNames = new Map((await loadPropertyViews(db, user.organizationId)).map((property) => [property.id, property.name]));
  const [{ deleted }, t, tCommon, format] = await Promise.all([searchParams, getTranslations("adminViews"), getTranslations("common"), getFormatter()]);
  const label = (field: string) => (isBuiltInViewField(field) ? t(`fields.${field}`) : (propertyNames.get(propertyIdOfField(field) ?? "") ?? t("deletedProperty")));

  return (
    <div className="space-y-8">
      <AdminPageHeader title={t("title")} description={t("description")} />
      {deleted && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("deleted")}
        </p>
      )}
      {objectTypes.map((type) => {
        const ofType = views.filter((view) => view.objectType === type);
        const plural = tCommon(`objectTypesPlural.${type}`);
        return (
          <section key={type} aria-labelledby={`${type}-heading`} className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
              <h2 id={`${type}-heading`} className="text-lg font-semibold text-gray-900">
                {plural}
              </h2>
              <Link href={`/admin/views/new?type=${type}`} className={buttonStyles.secondary}>
                <span aria-hidden="true">{t("newView")}</span>
                <span className="sr-only">{t(`newViewOf.${type}`)}</span>
              </Link>
            </div>
            {ofType.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-600">{t("empty")}</p>
            ) : (
              <DataTable
                caption={plural}
                columns={[
                  { label: t("columns.view"), className: "w-1/4" },
                  t("columns.columns"),
                  { label: t("columns.filters"), className: "w-24" },
                  { label: t("columns.sort"), className: "w-1/5" },
                ]}
              >
                {ofType.map((view) => (
                  <tr key={view.id} className="[overflow-wrap:anywhere]">
                    <RecordLinkCell href={`/admin/views/${view.id}`} name={view.name} />
                    <td className="px-4 py-2 text-gray-700">{view.columns.map(label).join(", ")}</td>
                    <td className="px-4 py-2 text-gray-700">{view.filters.length === 0 ? tCommon("none") : format.number(view.filters.length)}</td>
                    <td className="px-4 py-2 text-gray-700">
                      {view.sort.length === 0
                        ? t("newestFirst")
                        : view.sort.map((entry) => t(entry.direction === "asc" ? "sortAscending" : "sortDescending", { field: label(entry.field) })).join("; ")}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
