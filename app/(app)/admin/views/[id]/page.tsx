import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { DeleteViewForm } from "@/components/admin/views/delete-view-form";
import { ViewEditForm } from "@/components/admin/views/view-edit-form";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { loadSavedView } from "@/lib/views/saved-view";
import { loadViewFieldChoices } from "@/lib/views/view-admin";
import { viewIdSchema } from "@/lib/views/view-schemas";

export const metadata: Metadata = { title: "Shared view" };

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
  const fields = await loadViewFieldChoices(db, user.organizationId, view.objectType);
  const { created } = await searchParams;
  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }, { href: "/admin/views", label: "Views" }]}
        title={view.name}
        description={`Shared view of ${objectTypeLabels[view.objectType].plural.toLowerCase()}.`}
      />
      {created && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          View created.
        </p>
      )}
      <ViewEditForm view={view} fields={fields} />
      <DeleteViewForm view={view} />
    </div>
  );
}
