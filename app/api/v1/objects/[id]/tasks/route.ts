import { defineRoute } from "@/lib/gate/define-route";
import { createProjectTask } from "@/lib/project-tasks/create-project-task";
import { listProjectTasks } from "@/lib/project-tasks/list-project-tasks";
import { createProjectTaskSchema, listProjectTasksSchema } from "@/lib/project-tasks/task-schemas";

/** A project's tasks in order: `?limit=&cursor=`, answering `{ items, nextCursor }`. */
export const GET = defineRoute(
  { name: "project_tasks.list", input: listProjectTasksSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => listProjectTasks(db, user, input, { clientAddress, authorized: object }),
);

/** Adds a task: `{ title, assigneeId?, dueDate?, position? }` (Modify on the project, Manager+); 201 with the task. */
export const POST = defineRoute(
  { name: "project_tasks.create", input: createProjectTaskSchema, object: { id: (input) => input.id, action: "edit" } },
  ({ db, user, input, clientAddress }) => createProjectTask(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
