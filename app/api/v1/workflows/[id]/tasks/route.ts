import { defineRoute } from "@/lib/gate/define-route";
import { addWorkflowTask } from "@/lib/workflows/add-workflow-task";
import { addWorkflowTaskSchema } from "@/lib/workflows/workflow-schemas";

/**
 * Adds a task: `{ title, kind?: "task" | "signature", assigneeId, dueDate?, revisionId? }` (Admin, or the responsible
 * Manager); 201 with the task. The assignee must be an active Viewer+ personal account who can view the workflow
 * and its subjects: a shared-computer account is 422.
 */
export const POST = defineRoute(
  { name: "workflow_tasks.create", input: addWorkflowTaskSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress }) => addWorkflowTask(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
