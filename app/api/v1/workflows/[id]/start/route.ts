import { defineRoute } from "@/lib/gate/define-route";
import { startWorkflow } from "@/lib/workflows/change-workflow-status";
import { workflowVersionedSchema } from "@/lib/workflows/workflow-schemas";

/** Starts a draft workflow: `{ version }` (Admin, or its responsible Manager). */
export const POST = defineRoute(
  { name: "workflows.start", input: workflowVersionedSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => startWorkflow(db, user, input, { clientAddress }),
);
