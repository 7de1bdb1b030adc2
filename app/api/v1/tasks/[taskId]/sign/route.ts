import { defineRoute } from "@/lib/gate/define-route";
import { signWorkflowTask } from "@/lib/workflows/sign-workflow-task";
import { signTaskSchema } from "@/lib/workflows/workflow-schemas";
import { workflowOfTask } from "@/lib/workflows/workflow-tasks";

/**
 * The assignee signs their signature task's revision: `{ version, decision: "approved" | "rejected", comment? }` (a
 * rejection needs a comment); answers the workflow.
 */
export const POST = defineRoute(
  {
    name: "signatures.create",
    input: signTaskSchema,
    object: { id: (input, { db, organizationId }) => workflowOfTask(db, organizationId, input.taskId), action: "view" },
  },
  ({ db, user, input, clientAddress }) => signWorkflowTask(db, user, input, { clientAddress }),
);
