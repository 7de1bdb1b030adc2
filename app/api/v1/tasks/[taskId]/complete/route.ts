import { defineRoute } from "@/lib/gate/define-route";
import { completeWorkflowTask } from "@/lib/workflows/complete-workflow-task";
import { completeTaskSchema } from "@/lib/workflows/workflow-schemas";
import { workflowOfTask } from "@/lib/workflows/workflow-tasks";

/** The assignee marks their task done: `{ version }`; answers the workflow. A task of a workflow out of sight is 404. */
export const POST = defineRoute(
  {
    name: "workflow_tasks.complete",
    input: completeTaskSchema,
    object: { id: (input, { db, organizationId }) => workflowOfTask(db, organizationId, input.taskId), action: "view" },
  },
  ({ db, user, input, clientAddress }) => completeWorkflowTask(db, user, input, { clientAddress }),
);
