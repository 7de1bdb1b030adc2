import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { DeletePropertyForm } from "@/components/admin/properties/delete-property-form";
import { PropertyEditForm } from "@/components/admin/properties/property-edit-form";
import { enterPage } from "@/lib/gate/page-gate";
import { loadPropertyEditor } from "@/lib/properties/property-admin";
import { propertyTargetLabels, propertyTypeLabels } from "@/lib/properties/property-labels";
import { propertyIdSchema } from "@/lib/properties/property-schemas";

export const metadata: Metadata = { title: "Property" };

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
  const { created } = await searchParams;
  const appliesTo = propertyTargetLabels[property.appliesTo];

  return (
    <div className="max-w-3xl space-y-6">
      <AdminPageHeader
        trail={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/properties", label: "Properties" },
          { href: `/admin/properties#${property.appliesTo}`, label: appliesTo.plural },
        ]}
        title={property.name}
        description={`${propertyTypeLabels[property.type]} property of ${appliesTo.plural.toLowerCase()}.`}
      />
      {created && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Property created.
        </p>
      )}
      <PropertyEditForm
        property={{
          id: property.id,
          name: property.name,
          version: property.version,
          appliesToLabel: appliesTo.plural,
          type: property.type,
          typeLabel: propertyTypeLabels[property.type],
          targetLabel: property.targetType ? propertyTargetLabels[property.targetType].plural : undefined,
          options: property.options,
        }}
        usage={editor.options}
      />
      <DeletePropertyForm property={property} valueCounts={editor.valueCounts} referencedBy={editor.referencedBy} />
    </div>
  );
}
