import { defineRoute } from "@/lib/gate/define-route";
import { cancelWorkflow } from "@/lib/workflows/change-workflow-status";
import { workflowVersionedSchema } from "@/lib/workflows/workflow-schemas";

/** Cancels a draft or running workflow and its open tasks: `{ version }` (Admin, or its responsible Manager). */
export const POST = defineRoute(
  { name: "workflows.cancel", input: workflowVersionedSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => cancelWorkflow(db, user, input, { clientAddress }),
);
