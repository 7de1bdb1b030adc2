import type { Metadata } from "next";
import { ObjectOverview } from "@/components/objects/page/object-overview";
import { enterObjectPage } from "@/lib/gate/object-page-gate";
import { loadObjectHeader } from "@/lib/objects/load-object-header";
import { objectPageTitle } from "@/lib/objects/object-page-title";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: await objectPageTitle("workflow", (await params).id) };
}

export default async function WorkflowPage({ params }: { params: Params }) {
  const context = await enterObjectPage({ name: "objects.read", type: "workflow", id: (await params).id });
  return <ObjectOverview context={context} facts={await loadObjectHeader(context.db, context.user, context.object)} />;
}
