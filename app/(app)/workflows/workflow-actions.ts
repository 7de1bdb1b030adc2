"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { objectListPaths, objectPath } from "@/lib/objects/object-paths";
import { ok, type Result } from "@/lib/result";
import { addWorkflowTask } from "@/lib/workflows/add-workflow-task";
import { cancelWorkflow, completeWorkflow, deleteWorkflow, startWorkflow } from "@/lib/workflows/change-workflow-status";
import { completeWorkflowTask } from "@/lib/workflows/complete-workflow-task";
import { signWorkflowTask } from "@/lib/workflows/sign-workflow-task";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { addWorkflowTaskSchema, completeTaskSchema, signTaskSchema, updateWorkflowSchema, workflowVersionedSchema } from "@/lib/workflows/workflow-schemas";
import { workflowOfTask } from "@/lib/workflows/workflow-tasks";

// The workflow panel's forms. Each names the workflow for the gate (404 out of sight); the service decides who may
// manage it or do the task, again inside its write.

/** The workflow's page and, for a signature, the signed document's page show the change. */
function refresh<T extends { id: string; tasks?: { revision: { documentId: string } | null }[] }>(result: Result<T>): Result<T> {
  if (!result.ok) return result;
  revalidatePath(objectPath("workflow", result.data.id));
  for (const task of result.data.tasks ?? []) if (task.revision) revalidatePath(objectPath("document", task.revision.documentId));
  return result;
}

const transitions = { start: startWorkflow, complete: completeWorkflow, cancel: cancelWorkflow } as const;
const transitionSchema = workflowVersionedSchema.extend({ transition: z.enum(["start", "complete", "cancel"], "workflows.fields.statusInvalid") });

/** Starts, completes or cancels a workflow (the button pressed names which). */
export const changeWorkflowStatusAction = defineFormAction(
  { name: "workflows.update", input: transitionSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress }) => refresh(await transitions[input.transition](db, user, { id: input.id, version: input.version }, { clientAddress })),
);

/** Changes the workflow's kind or responsible. */
export const updateWorkflowAction = defineFormAction(
  { name: "workflows.update", input: updateWorkflowSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress }) => refresh(await updateWorkflow(db, user, input, { clientAddress })),
);

/** Moves the workflow to the trash, then goes back to the list. */
export const deleteWorkflowAction = defineFormAction(
  { name: "workflows.delete", input: workflowVersionedSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress }) => {
    const deleted = await deleteWorkflow(db, user, input, { clientAddress });
    if (!deleted.ok) return deleted;
    redirect(`${objectListPaths.workflow}?trashed=1`);
  },
);

export const addWorkflowTaskAction = defineFormAction(
  { name: "workflow_tasks.create", input: addWorkflowTaskSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress }) => {
    const added = await addWorkflowTask(db, user, input, { clientAddress });
    if (added.ok) revalidatePath(objectPath("workflow", input.id));
    return added.ok ? ok({ id: added.data.id }) : added;
  },
);

const taskTarget = (input: { taskId: string }, scope: { db: Parameters<typeof workflowOfTask>[0]; organizationId: string }) => workflowOfTask(scope.db, scope.organizationId, input.taskId);

export const completeWorkflowTaskAction = defineFormAction(
  { name: "workflow_tasks.complete", input: completeTaskSchema, object: { id: taskTarget, action: "view" } },
  async ({ db, user, input, clientAddress }) => refresh(await completeWorkflowTask(db, user, input, { clientAddress })),
);

export const signWorkflowTaskAction = defineFormAction(
  { name: "signatures.create", input: signTaskSchema, object: { id: taskTarget, action: "view" } },
  async ({ db, user, input, clientAddress }) => refresh(await signWorkflowTask(db, user, input, { clientAddress })),
);
