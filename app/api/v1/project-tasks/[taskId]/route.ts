import { defineRoute } from "@/lib/gate/define-route";
import { deleteProjectTask } from "@/lib/project-tasks/delete-project-task";
import { projectOfTask } from "@/lib/project-tasks/task-project";
import { deleteProjectTaskSchema, updateProjectTaskSchema } from "@/lib/project-tasks/task-schemas";
import { updateProjectTask } from "@/lib/project-tasks/update-project-task";

// The gate's target is the task's project: a task of a project the caller cannot view is 404 like an unknown one.

/** Edits a task: `{ version, title?, assigneeId?, dueDate?, done?, position? }`; 409 when the version is stale. */
export const PATCH = defineRoute(
  {
    name: "project_tasks.update",
    input: updateProjectTaskSchema,
    object: { id: (input, { db, organizationId }) => projectOfTask(db, organizationId, input.taskId), action: "edit" },
  },
  ({ db, user, input, clientAddress }) => updateProjectTask(db, user, input, { clientAddress }),
);

/** Deletes a task; `?version=` refuses a delete made on a stale view. */
export const DELETE = defineRoute(
  {
    name: "project_tasks.delete",
    input: deleteProjectTaskSchema,
    object: { id: (input, { db, organizationId }) => projectOfTask(db, organizationId, input.taskId), action: "edit" },
  },
  ({ db, user, input, clientAddress }) => deleteProjectTask(db, user, input, { clientAddress }),
);
