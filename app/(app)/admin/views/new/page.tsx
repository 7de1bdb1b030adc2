import type { Metadata } from "next";
import { AdminPageHeader } from "@/components/admin/properties/admin-page-header";
import { ViewEditForm } from "@/components/admin/views/view-edit-form";
import { objectTypes, type ObjectType } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { objectTypeLabels } from "@/lib/objects/object-type-labels";
import { loadViewFieldChoices } from "@/lib/views/view-admin";

export const metadata: Metadata = { title: "New shared view" };

export default async function NewViewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "views.create", capability: "administer" });
  const { type } = await searchParams;
  const objectType: ObjectType = typeof type === "string" && (objectTypes as readonly string[]).includes(type) ? (type as ObjectType) : "document";
  const fields = await loadViewFieldChoices(db, user.organizationId, objectType);
  return (
    <div className="max-w-4xl space-y-6">
      <AdminPageHeader
        trail={[{ href: "/admin", label: "Admin" }, { href: "/admin/views", label: "Views" }]}
        title={`New shared view of ${objectTypeLabels[objectType].plural.toLowerCase()}`}
        description="Everyone will be able to pick it in the list; it shows only what each of them may see."
      />
      <ViewEditForm view={{ name: "", objectType, columns: ["reference", "title", "owner", "updatedAt"], filters: [], sort: [] }} fields={fields} />
    </div>
  );
}
