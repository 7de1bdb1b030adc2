"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/gate/define-action";
import { updateObjectDetailsSchema } from "@/lib/object-details/details-schemas";
import { updateObjectDetails } from "@/lib/object-details/update-object-details";
import { objectPath } from "@/lib/objects/object-paths";
import { createProjectTask } from "@/lib/project-tasks/create-project-task";
import { deleteProjectTask } from "@/lib/project-tasks/delete-project-task";
import { projectOfTask } from "@/lib/project-tasks/task-project";
import { createProjectTaskSchema, deleteProjectTaskSchema, updateProjectTaskSchema } from "@/lib/project-tasks/task-schemas";
import { updateProjectTask } from "@/lib/project-tasks/update-project-task";

// The object panels' forms. Each names its target for the gate (404 out of sight, 403 for a refused action) and the
// service decides again inside its write.

/** Saves the details form of an object (the fields of its type, with the version it was opened at). */
export const updateObjectDetailsAction = defineFormAction(
  { name: "objects.update_details", input: updateObjectDetailsSchema, object: { id: (input) => input.id, action: "edit" } },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateObjectDetails(db, user, input, { clientAddress });
    if (result.ok) revalidatePath(objectPath(result.data.type, result.data.id));
    return result;
  },
);

export const createProjectTaskAction = defineFormAction(
  { name: "project_tasks.create", input: createProjectTaskSchema, object: { id: (input) => input.id, action: "edit" } },
  async ({ db, user, input, clientAddress }) => {
    const result = await createProjectTask(db, user, input, { clientAddress });
    if (result.ok) revalidatePath(objectPath("project", result.data.projectId));
    return result;
  },
);

/** Edits a task, or marks it done or open again (the same form action with only `done`). */
export const updateProjectTaskAction = defineFormAction(
  {
    name: "project_tasks.update",
    input: updateProjectTaskSchema,
    object: { id: (input, { db, organizationId }) => projectOfTask(db, organizationId, input.taskId), action: "edit" },
  },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateProjectTask(db, user, input, { clientAddress });
    if (result.ok) revalidatePath(objectPath("project", result.data.projectId));
    return result;
  },
);

export const deleteProjectTaskAction = defineFormAction(
  {
    name: "project_tasks.delete",
    input: deleteProjectTaskSchema,
    object: { id: (input, { db, organizationId }) => projectOfTask(db, organizationId, input.taskId), action: "edit" },
  },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteProjectTask(db, user, input, { clientAddress });
    if (result.ok) revalidatePath(objectPath("project", result.data.projectId));
    return result;
  },
);
