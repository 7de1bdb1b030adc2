import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getWorkflow } from "./get-workflow";
import { insertWorkflowTask } from "./insert-workflow-task";
import { workflowMessages } from "./workflow-messages";
import { assigneeRefusal } from "./workflow-people";
import { addWorkflowTaskSchema, type AddWorkflowTaskInput } from "./workflow-schemas";
import { loadSubjectFacts } from "./workflow-subjects";
import type { WorkflowTaskView } from "./workflow-view";
import { workflowWrite } from "./workflow-write";

/**
 * Adds a task to a workflow that is not finished (Admins on any, the responsible Manager on their own): a plain task
 * or a signature task on a revision of a subject document, assigned to someone who may hold it (see assigneeRefusal).
 */
export async function addWorkflowTask(db: Executor, user: ActingUser, input: AddWorkflowTaskInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowTaskView>> {
  const parsed = parseInput(addWorkflowTaskSchema, input);
  if (!parsed.ok) return parsed;
  const { id, ...task } = parsed.data;
  const clientAddress = context.clientAddress ?? null;
  const added = await workflowWrite(db, user, { workflowId: id, manage: true, clientAddress }, async ({ tx, subject, workflow, authorized }) => {
    if (workflow.status === "completed" || workflow.status === "cancelled") return fail("conflict", workflowMessages.finished);
    const subjects = await loadSubjectFacts(tx, user.organizationId, id);
    const targets = [authorized.facts, ...subjects];
    return insertWorkflowTask(tx, subject, { organizationId: user.organizationId, workflow: authorized.facts, subjects, clientAddress }, task, (userId) =>
      assigneeRefusal(tx, user.organizationId, userId, targets),
    );
  });
  if (!added.ok) return added;
  const workflow = await getWorkflow(db, user, { id });
  if (!workflow.ok) return workflow;
  const view = workflow.data.tasks.find((candidate) => candidate.id === added.data.id);
  return view ? { ok: true, data: view } : fail("not_found", workflowMessages.taskNotFound);
}
