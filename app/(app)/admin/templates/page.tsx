import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { loadPropertyViews } from "@/lib/properties/property-view";
import { loadSiteNames } from "@/lib/templates/template-admin";
import { loadTemplateViews, type TemplateView } from "@/lib/templates/template-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTemplates"))("title") };
}

async function ScopeSummary({ template, siteNames }: { template: TemplateView; siteNames: Map<string, { name: string; archived: boolean }> }) {
  const t = await getTranslations("adminTemplates");
  const { kind, siteIds } = template.defaultScope;
  const label = t(`scopes.${kind}.label`);
  if (kind !== "sites") return <>{label}</>;
  const names = (siteIds ?? []).flatMap((id) => {
    const site = siteNames.get(id);
    if (!site) return [];
    return [site.archived ? t("archivedSite", { name: site.name }) : site.name];
  });
  return <>{t("fixedSitesSummary", { label, sites: names.length === 0 ? t("noSite") : names.join(", ") })}</>;
}

export default async function TemplatesPage() {
  const { user, db } = await enterPage({ name: "templates.list", capability: "administer" });
  const templates = await loadTemplateViews(db, user.organizationId);
  const siteNames = await loadSiteNames(db, user.organizationId);
  const propertyNames = new Map((await loadPropertyViews(db, user.organizationId)).map((property) => [property.id, property.name]));
  const [t, tCommon] = await Promise.all([getTranslations("adminTemplates"), getTranslations("common")]);

  return (
    <div className="space-y-8">
      <AdminPageHeader title={t("title")} description={t("description")} />
      {objectTypes.map((type) => {
        const ofType = templates.filter((template) => template.objectType === type);
        const plural = tCommon(`objectTypesPlural.${type}`);
        return (
          <section key={type} aria-labelledby={`${type}-heading`} className="space-y-3">
            <h2 id={`${type}-heading`} className="text-lg font-semibold text-gray-900">
              {plural}
            </h2>
            {ofType.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-600">{t("noTemplate")}</p>
            ) : (
              <DataTable
                caption={plural}
                columns={[{ label: t("columns.template"), className: "w-1/4" }, { label: t("columns.scope"), className: "w-1/3" }, t("columns.values")]}
              >
                {ofType.map((template) => {
                  const defaults = Object.keys(template.defaultProperties).flatMap((id) => (propertyNames.has(id) ? [propertyNames.get(id)!] : []));
                  return (
                    <tr key={template.id} className="[overflow-wrap:anywhere]">
                      <RecordLinkCell href={`/admin/templates/${template.id}`} name={template.name}>
                        {template.isDefault && <span className="ml-2 whitespace-nowrap rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-800">{t("default")}</span>}
                      </RecordLinkCell>
                      <td className="px-4 py-2 text-gray-700">
                        <ScopeSummary template={template} siteNames={siteNames} />
                      </td>
                      <td className="px-4 py-2 text-gray-700">{defaults.length === 0 ? <span className="text-gray-600">{t("noDefaults")}</span> : defaults.join(", ")}</td>
                    </tr>
                  );
                })}
              </DataTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
