import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { loadPropertyViews } from "@/lib/properties/property-view";
import { loadSiteNames } from "@/lib/templates/template-admin";
import { defaultScopeLabels } from "@/lib/templates/template-labels";
import { loadTemplateViews, type TemplateView } from "@/lib/templates/template-view";
import { DataTable, RecordLinkCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Templates" };

function ScopeSummary({ template, siteNames }: { template: TemplateView; siteNames: Map<string, { name: string; archived: boolean }> }) {
  const { kind, siteIds } = template.defaultScope;
  if (kind !== "sites") return <>{defaultScopeLabels[kind].label}</>;
  const names = (siteIds ?? []).map((id) => siteNames.get(id)).filter((site) => site !== undefined);
  return (
    <>
      {defaultScopeLabels.sites.label}:{" "}
      {names.length === 0 ? <span className="text-gray-500">none</span> : names.map((site) => (site.archived ? `${site.name} (archived)` : site.name)).join(", ")}
    </>
  );
}

export default async function TemplatesPage() {
  const { user, db } = await enterPage({ name: "templates.list", capability: "administer" });
  const templates = await loadTemplateViews(db, user.organizationId);
  const siteNames = await loadSiteNames(db, user.organizationId);
  const propertyNames = new Map((await loadPropertyViews(db, user.organizationId)).map((property) => [property.id, property.name]));

  return (
    <div className="space-y-8">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }]}
        title="Templates"
        description="What a new object starts with: its default scope (who may see it at most) and default property values. Each type has a default template, used when the create form names none."
      />
      {objectTypes.map((type) => {
        const ofType = templates.filter((template) => template.objectType === type);
        return (
          <section key={type} aria-labelledby={`${type}-heading`} className="space-y-3">
            <h2 id={`${type}-heading`} className="text-lg font-semibold text-gray-900">
              {objectTypeLabels[type].plural}
            </h2>
            {ofType.length === 0 ? (
              <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-3 text-sm text-gray-500">
                No template: new objects get the creator&apos;s sites.
              </p>
            ) : (
              <DataTable columns={[{ label: "Template", className: "w-1/4" }, { label: "Default scope", className: "w-1/3" }, "Default values"]}>
                {ofType.map((template) => {
                  const defaults = Object.keys(template.defaultProperties).flatMap((id) => (propertyNames.has(id) ? [propertyNames.get(id)!] : []));
                  return (
                    <tr key={template.id}>
                      <RecordLinkCell href={`/admin/templates/${template.id}`} name={template.name}>
                        {template.isDefault && <span className="ml-2 rounded bg-blue-50 px-1.5 py-0.5 text-xs text-blue-700">default</span>}
                      </RecordLinkCell>
                      <td className="px-4 py-2 text-gray-700">
                        <ScopeSummary template={template} siteNames={siteNames} />
                      </td>
                      <td className="px-4 py-2 text-gray-700">{defaults.length === 0 ? <span className="text-gray-400">—</span> : defaults.join(", ")}</td>
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
