import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ObjectListView } from "@/components/objects/list/object-list-view";
import { enterPage } from "@/lib/gate/page-gate";
import { requestLocale } from "@/lib/i18n/request-locale";
import { loadWorkspaceList } from "@/lib/objects/load-workspace-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.objectTypesPlural"))("workflow") };
}

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await enterPage({ name: "objects.list", capability: "view_objects" });
  const params = await searchParams;
  return <ObjectListView type="workflow" user={user} params={params} list={await loadWorkspaceList(db, user, "workflow", params, await requestLocale())} />;
}
