import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewObjectPage } from "@/components/objects/create/new-object-page";
import { enterPage } from "@/lib/gate/page-gate";
import { loadCreateForm } from "@/lib/objects/load-create-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace.list.new"))("project") };
}

export default async function NewProjectPage() {
  const { user, db } = await enterPage({ name: "objects.create", capability: "edit_objects" });
  return <NewObjectPage type="project" choices={await loadCreateForm(db, user, "project")} />;
}
