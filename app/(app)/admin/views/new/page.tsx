import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { labelViewFields } from "@/components/admin/views/label-view-fields";
import { ViewEditForm } from "@/components/admin/views/view-edit-form";
import { objectTypes, type ObjectType } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { loadViewFieldChoices } from "@/lib/views/view-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminViews"))("newView") };
}

export default async function NewViewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "views.create", capability: "administer" });
  const { type } = await searchParams;
  const objectType: ObjectType = typeof type === "string" && (objectTypes as readonly string[]).includes(type) ? (type as ObjectType) : "document";
  const [fields, t, tCommon, locale] = await Promise.all([
    loadViewFieldChoices(db, user.organizationId, objectType),
    getTranslations("adminViews"),
    getTranslations("common"),
    getLocale(),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin/views", label: t("title") }]}
        title={t("newTitle", { type: tCommon(`objectTypesPlural.${objectType}`).toLocaleLowerCase(locale) })}
        description={t("newDescription")}
      />
      <ViewEditForm
        view={{ name: "", objectType, columns: ["reference", "title", "owner", "updatedAt"], filters: [], sort: [] }}
        fields={labelViewFields(t, tCommon, fields)}
      />
    </div>
  );
}
