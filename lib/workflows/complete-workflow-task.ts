import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getWorkflow } from "./get-workflow";
import { recordWorkflowEvent } from "./workflow-events";
import { workflowMessages } from "./workflow-messages";
import { completeTaskSchema, type CompleteTaskInput } from "./workflow-schemas";
import { openTaskCount, setWorkflowStatus } from "./workflow-status";
import { lockTask, workflowOfTask } from "./workflow-tasks";
import type { WorkflowView } from "./workflow-view";
import { workflowWrite, type WorkflowWriteContext } from "./workflow-write";

type LockedTask = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

/**
 * The common steps of doing one's task: the workflow is one the caller sees (else not_found), the task is theirs
 * (else forbidden), open, at the version they read and in a workflow in progress (else conflict), and their role
 * may still hold tasks.
 */
export async function assigneeTaskWrite<T>(
  db: Executor,
  user: ActingUser,
  input: { taskId: string; version: number },
  context: { clientAddress?: string | null },
  write: (context: WorkflowWriteContext & { task: LockedTask }) => Promise<Result<T>>,
): Promise<Result<T>> {
  const workflowId = await workflowOfTask(db, user.organizationId, input.taskId);
  if (!workflowId) return fail("not_found", workflowMessages.taskNotFound);
  return workflowWrite(db, user, { workflowId, manage: false, clientAddress: context.clientAddress }, async (writeContext) => {
    const task = await lockTask(writeContext.tx, user.organizationId, workflowId, input.taskId);
    if (!task) return fail("not_found", workflowMessages.taskNotFound);
    if (task.assigneeId !== user.id || !writeContext.authorized.decision.actions.be_assigned.role.ok) return fail("forbidden", workflowMessages.notAssignee);
    if (task.version !== input.version) return fail("conflict", workflowMessages.staleTask);
    if (task.status !== "open") return fail("conflict", workflowMessages.taskClosed);
    if (writeContext.workflow.status !== "in_progress") return fail("conflict", workflowMessages.notInProgress);
    return write({ ...writeContext, task });
  });
}

/** Marks the task done by its assignee, on the workflow's feed; the last open task done completes the workflow. */
export async function closeTask(tx: Executor, organizationId: string, actor: { id: string }, context: WorkflowWriteContext & { task: LockedTask }, data: Record<string, unknown>): Promise<void> {
  const now = new Date();
  await tx
    .update(workflowTasks)
    .set({ status: "done", completedAt: now, completedById: actor.id, version: sql`${workflowTasks.version} + 1`, updatedAt: now })
    .where(and(eq(workflowTasks.id, context.task.id), eq(workflowTasks.organizationId, organizationId)));
  const [assignee] = await tx.select({ name: users.name }).from(users).where(and(eq(users.id, actor.id), eq(users.organizationId, organizationId)));
  await recordWorkflowEvent(tx, {
    organizationId,
    objectId: context.workflow.id,
    actorId: actor.id,
    kind: "task_completed",
    data: { taskId: context.task.id, title: context.task.title, assigneeName: assignee?.name ?? "", ...data },
  });
}

/** Completes the workflow when none of its tasks is open any more. */
export async function completeWhenAllDone(tx: Executor, organizationId: string, actorId: string, context: WorkflowWriteContext): Promise<void> {
  if (context.workflow.status !== "in_progress") return;
  if ((await openTaskCount(tx, organizationId, context.workflow.id)) === 0) await setWorkflowStatus(tx, organizationId, actorId, context.workflow, "completed");
}

/** The assignee marks their (plain) task done; a signature task is signed instead. */
export async function completeWorkflowTask(db: Executor, user: ActingUser, input: CompleteTaskInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(completeTaskSchema, input);
  if (!parsed.ok) return parsed;
  const done = await assigneeTaskWrite(db, user, parsed.data, context, async (writeContext) => {
    if (writeContext.task.kind === "signature") return fail("invalid", workflowMessages.signInstead);
    await closeTask(writeContext.tx, user.organizationId, user, writeContext, {});
    await completeWhenAllDone(writeContext.tx, user.organizationId, user.id, writeContext);
    return ok(writeContext.workflow.id);
  });
  return done.ok ? getWorkflow(db, user, { id: done.data }) : done;
}
