import { defineRoute } from "@/lib/gate/define-route";
import { completeWorkflow } from "@/lib/workflows/change-workflow-status";
import { workflowVersionedSchema } from "@/lib/workflows/workflow-schemas";

/** Completes a workflow in progress whose tasks are all done: `{ version }` (Admin, or its responsible Manager). */
export const POST = defineRoute(
  { name: "workflows.complete", input: workflowVersionedSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => completeWorkflow(db, user, input, { clientAddress }),
);
