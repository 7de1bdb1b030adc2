import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { DeletePropertyForm } from "@/components/admin/properties/delete-property-form";
import { PropertyEditForm } from "@/components/admin/properties/property-edit-form";
import { targetPlural } from "@/components/admin/properties/target-label";
import { enterPage } from "@/lib/gate/page-gate";
import { loadPropertyEditor } from "@/lib/properties/property-admin";
import { propertyIdSchema } from "@/lib/properties/property-schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminProperties"))("editTitle") };
}

export default async function PropertyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await enterPage({ name: "properties.update", capability: "administer" });
  const id = propertyIdSchema.safeParse((await params).id);
  const editor = id.success ? await loadPropertyEditor(db, user.organizationId, id.data) : null;
  if (!editor) notFound();
  const { property } = editor;
  const [{ created }, t, tCommon] = await Promise.all([searchParams, getTranslations("adminProperties"), getTranslations("common")]);
  const appliesTo = targetPlural(t, tCommon, property.appliesTo);
  const type = t(`types.${property.type}`);

  return (
    <div className="max-w-3xl space-y-6">
      <AdminPageHeader
        trail={[
          { href: "/admin/properties", label: t("title") },
          { href: `/admin/properties#${property.appliesTo}`, label: appliesTo },
        ]}
        title={property.name}
        description={t("summary", { type, target: appliesTo })}
      />
      {created && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      <PropertyEditForm
        property={{
          id: property.id,
          name: property.name,
          version: property.version,
          appliesToLabel: appliesTo,
          typeLabel: type,
          targetLabel: property.targetType ? targetPlural(t, tCommon, property.targetType) : undefined,
          options: property.options,
        }}
        usage={editor.options}
      />
      <DeletePropertyForm property={property} valueCounts={editor.valueCounts} referencedBy={editor.referencedBy} />
    </div>
  );
}
