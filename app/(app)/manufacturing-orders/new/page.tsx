import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewObjectPage } from "@/components/objects/create/new-object-page";
import { enterPage } from "@/lib/gate/page-gate";
import { loadCreateForm } from "@/lib/objects/load-create-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace.list.new"))("manufacturing_order") };
}

export default async function NewManufacturingOrderPage() {
  const { user, db } = await enterPage({ name: "objects.create", capability: "edit_objects" });
  return <NewObjectPage type="manufacturing_order" choices={await loadCreateForm(db, user, "manufacturing_order")} />;
}
