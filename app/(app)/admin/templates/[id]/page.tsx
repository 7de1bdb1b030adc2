import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { TemplateEditForm, type TemplateFormProperty } from "@/components/admin/templates/template-edit-form";
import { defaultScopeKinds, type ObjectType } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { formatReference } from "@/lib/objects/object-references";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { loadTemplateEditor } from "@/lib/templates/template-admin";
import { templateIdSchema } from "@/lib/templates/template-schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTemplates"))("editTitle") };
}

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, db } = await enterPage({ name: "templates.update", capability: "administer" });
  const id = templateIdSchema.safeParse((await params).id);
  const editor = id.success ? await loadTemplateEditor(db, user, id.data) : null;
  if (!editor) notFound();
  const { template } = editor;
  const [t, tCommon, tProperties, locale] = await Promise.all([
    getTranslations("adminTemplates"),
    getTranslations("common"),
    getTranslations("adminProperties"),
    getLocale(),
  ]);
  const typeInSentence = (type: ObjectType) => tCommon(`objectTypesPlural.${type}`).toLocaleLowerCase(locale);

  const properties: TemplateFormProperty[] = editor.properties.map((property) => {
    const target = property.targetType;
    const objectTarget = target && isObjectTarget(target) ? target : null;
    const hidden = editor.references[property.id]?.hidden ?? 0;
    const example = objectTarget ? formatReference(objectTarget, 123) : undefined;
    return {
      id: property.id,
      name: property.name,
      type: property.type,
      hint: objectTarget
        ? [t("referencesHint", { type: typeInSentence(objectTarget), example: example! }), hidden > 0 ? t("hiddenReferences", { count: hidden }) : ""].join(" ").trim()
        : tProperties(`types.${property.type}`),
      referenceExample: example,
      pointsAtUsers: target === "user",
      options: property.options,
    };
  });

  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin/templates", label: t("title") }]}
        title={template.name}
        description={t(template.isDefault ? "descriptionDefault" : "descriptionOther", { type: typeInSentence(template.objectType) })}
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
        scopeKinds={defaultScopeKinds.map((value) => ({ value, label: t(`scopes.${value}.label`), hint: t(`scopes.${value}.hint`) }))}
        sites={editor.sites}
        properties={properties}
        users={editor.users}
        references={editor.references}
      />
    </div>
  );
}
