import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { DeleteViewForm } from "@/components/admin/views/delete-view-form";
import { labelViewFields } from "@/components/admin/views/label-view-fields";
import { ViewEditForm } from "@/components/admin/views/view-edit-form";
import { enterPage } from "@/lib/gate/page-gate";
import { loadSavedView } from "@/lib/views/saved-view";
import { loadViewFieldChoices } from "@/lib/views/view-admin";
import { viewIdSchema } from "@/lib/views/view-schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminViews"))("editTitle") };
}

export default async function ViewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, db } = await enterPage({ name: "views.update", capability: "administer" });
  const id = viewIdSchema.safeParse((await params).id);
  const view = id.success ? await loadSavedView(db, user, id.data) : null;
  // The admin panel manages shared views; personal ones belong to their owners.
  if (!view?.shared) notFound();
  const [fields, { created }, t, tCommon, locale] = await Promise.all([
    loadViewFieldChoices(db, user.organizationId, view.objectType),
    searchParams,
    getTranslations("adminViews"),
    getTranslations("common"),
    getLocale(),
  ]);
  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin/views", label: t("title") }]}
        title={view.name}
        description={t("editDescription", { type: tCommon(`objectTypesPlural.${view.objectType}`).toLocaleLowerCase(locale) })}
      />
      {created && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      <ViewEditForm view={view} fields={labelViewFields(t, tCommon, fields)} />
      <DeleteViewForm view={view} />
    </div>
  );
}
