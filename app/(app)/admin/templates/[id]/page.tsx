import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { TemplateEditForm, type TemplateFormProperty } from "@/components/admin/templates/template-edit-form";
import { defaultScopeKinds } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { isObjectTarget, propertyTypeLabels } from "@/lib/properties/property-labels";
import { loadTemplateEditor } from "@/lib/templates/template-admin";
import { defaultScopeLabels } from "@/lib/templates/template-labels";
import { templateIdSchema } from "@/lib/templates/template-schemas";

export const metadata: Metadata = { title: "Template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await enterPage({ name: "templates.update", capability: "administer" });
  const id = templateIdSchema.safeParse((await params).id);
  const editor = id.success ? await loadTemplateEditor(db, user, id.data) : null;
  if (!editor) notFound();
  const { template } = editor;
  const typeLabels = objectTypeLabels[template.objectType];

  const properties: TemplateFormProperty[] = editor.properties.map((property) => ({
    id: property.id,
    name: property.name,
    type: property.type,
    typeLabel: propertyTypeLabels[property.type],
    options: property.options,
    target:
      property.targetType === "user"
        ? { kind: "user" }
        : property.targetType && isObjectTarget(property.targetType)
          ? { kind: "object", label: objectTypeLabels[property.targetType].plural, prefix: objectTypeLabels[property.targetType].prefix }
          : undefined,
  }));

  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }, { href: "/admin/templates", label: "Templates" }]}
        title={template.name}
        description={
          <>
            Template of {typeLabels.plural.toLowerCase()}
            {template.isDefault ? ": the default one, used when the create form names no template." : "."} Changes apply to objects created from now on.
          </>
        }
      />
      <TemplateEditForm
        template={{
          id: template.id,
          name: template.name,
          version: template.version,
          kind: template.defaultScope.kind,
          siteIds: template.defaultScope.siteIds ?? [],
          defaultProperties: template.defaultProperties,
        }}
        scopeKinds={defaultScopeKinds.map((value) => ({ value, ...defaultScopeLabels[value] }))}
        sites={editor.sites}
        properties={properties}
        users={editor.users}
        references={editor.references}
      />
    </div>
  );
}
