import { defineRoute } from "@/lib/gate/define-route";
import { deleteWorkflow } from "@/lib/workflows/change-workflow-status";
import { getWorkflow } from "@/lib/workflows/get-workflow";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { updateWorkflowSchema, workflowIdSchema, workflowVersionedSchema } from "@/lib/workflows/workflow-schemas";

// A workflow the caller cannot view is 404 like an unknown one; managing it (Admin, or its responsible Manager) is 403 otherwise.

/** The workflow with its visible subjects, its tasks and their signatures. */
export const GET = defineRoute(
  { name: "workflows.read", input: workflowIdSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, object }) => getWorkflow(db, user, input, { authorized: object }),
);

/** Edits `{ version, kind?, responsibleId?, subjectIds? }` of a workflow that is not finished; 409 when stale. */
export const PATCH = defineRoute(
  { name: "workflows.update", input: updateWorkflowSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => updateWorkflow(db, user, input, { clientAddress }),
);

/** Moves the workflow to the trash: `?version=`. */
export const DELETE = defineRoute(
  { name: "workflows.delete", input: workflowVersionedSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => deleteWorkflow(db, user, input, { clientAddress }),
);
