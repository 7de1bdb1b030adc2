import type { Metadata } from "next";
import { ObjectSharePage } from "@/components/objects/page/object-share-page";
import { enterObjectPage } from "@/lib/gate/object-page-gate";
import { loadObjectHeader } from "@/lib/objects/load-object-header";
import { objectPageTitle } from "@/lib/objects/object-page-title";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: await objectPageTitle("workflow", (await params).id, "share") };
}

export default async function WorkflowSharePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const context = await enterObjectPage({ name: "objects.share", type: "workflow", id: (await params).id });
  return <ObjectSharePage context={context} facts={await loadObjectHeader(context.db, context.user, context.object)} searchParams={await searchParams} />;
}
