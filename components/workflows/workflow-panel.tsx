import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { DocumentWorkflows } from "./document-workflows";
import { WorkflowOverview } from "./workflow-overview";

/**
 * On a workflow's page: its status, subjects, tasks and signatures, with the controls the reader may use. On a
 * document's page: the workflows about it, and the signature form of the tasks waiting for the reader. Nothing elsewhere.
 */
export async function WorkflowPanel({ context }: { context: ObjectPageContext }) {
  if (context.object.type === "workflow") return <WorkflowOverview context={context} />;
  if (context.object.type === "document") return <DocumentWorkflows context={context} />;
  return null;
}
