import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { PropertyCreateForm } from "@/components/admin/properties/property-create-form";
import { propertyTargets, propertyTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { propertyTargetLabels, propertyTypeLabels } from "@/lib/properties/property-labels";

export const metadata: Metadata = { title: "New property" };

export default async function NewPropertyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await enterPage({ name: "properties.create", capability: "administer" });
  const { appliesTo } = await searchParams;
  const target = typeof appliesTo === "string" && (propertyTargets as readonly string[]).includes(appliesTo) ? appliesTo : "user";
  return (
    <div className="space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }, { href: "/admin/properties", label: "Properties" }]}
        title="New property"
        description="Its type cannot be changed once created. Choice properties store the option picked by its id, so options can be relabelled freely."
      />
      <PropertyCreateForm
        appliesTo={target}
        targets={propertyTargets.map((value) => ({ value, label: propertyTargetLabels[value].plural }))}
        types={propertyTypes.map((value) => ({ value, label: propertyTypeLabels[value] }))}
      />
    </div>
  );
}
