import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { PropertyCreateForm } from "@/components/admin/properties/property-create-form";
import { targetPlural } from "@/components/admin/properties/target-label";
import { propertyTargets, propertyTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminProperties"))("newTitle") };
}

export default async function NewPropertyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await enterPage({ name: "properties.create", capability: "administer" });
  const [{ appliesTo }, t, tCommon] = await Promise.all([searchParams, getTranslations("adminProperties"), getTranslations("common")]);
  const target = typeof appliesTo === "string" && (propertyTargets as readonly string[]).includes(appliesTo) ? appliesTo : "user";
  return (
    <div className="space-y-6">
      <AdminPageHeader trail={[{ href: "/admin/properties", label: t("title") }]} title={t("newTitle")} description={t("newDescription")} />
      <PropertyCreateForm
        appliesTo={target}
        targets={propertyTargets.map((value) => ({ value, label: targetPlural(t, tCommon, value) }))}
        types={propertyTypes.map((value) => ({ value, label: t(`types.${value}`) }))}
      />
    </div>
  );
}
