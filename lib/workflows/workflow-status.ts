import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { workflows, workflowTasks, type WorkflowStatus } from "@/db/schema";
import { bumpWorkflowVersion, type WorkflowRecord } from "./workflow-write";
import { notifyWorkflowPeople, recordWorkflowEvent } from "./workflow-events";

const eventOf = { in_progress: "workflow_started", completed: "workflow_completed", cancelled: "workflow_cancelled" } as const;
const changeOf = { in_progress: "started", completed: "completed", cancelled: "cancelled" } as const;

/** The assignees of the workflow's tasks and its responsible: who hears of its status changes. */
async function workflowPeople(tx: Executor, organizationId: string, workflow: WorkflowRecord): Promise<string[]> {
  const rows = await tx
    .select({ assigneeId: workflowTasks.assigneeId })
    .from(workflowTasks)
    .where(and(eq(workflowTasks.organizationId, organizationId), eq(workflowTasks.workflowId, workflow.id)));
  return [workflow.responsibleId, ...rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : []))];
}

/** A `workflow_changed` notification to its assignees and responsible. */
async function tellWorkflowPeople(tx: Executor, organizationId: string, actorId: string, workflow: WorkflowRecord, data: Record<string, unknown>): Promise<void> {
  const recipientIds = await workflowPeople(tx, organizationId, workflow);
  await notifyWorkflowPeople(tx, { organizationId, workflowId: workflow.id, actorId, recipientIds, kind: "workflow_changed", data });
}

/**
 * Moves a workflow to a new status, stamping when, bumping its version, recording the event on its feed and telling
 * its people. Cancelling closes its open tasks. `data` is added to the event (a rejection's comment).
 */
export async function setWorkflowStatus(
  tx: Executor,
  organizationId: string,
  actorId: string,
  workflow: WorkflowRecord,
  status: Exclude<WorkflowStatus, "draft">,
): Promise<void> {
  const now = new Date();
  await tx
    .update(workflows)
    .set({
      status,
      updatedAt: now,
      ...(status === "in_progress" ? { startedAt: sql`coalesce(${workflows.startedAt}, now())` } : {}),
      ...(status === "completed" ? { completedAt: now } : {}),
      ...(status === "cancelled" ? { cancelledAt: now } : {}),
    })
    .where(and(eq(workflows.objectId, workflow.id), eq(workflows.organizationId, organizationId)));
  if (status === "cancelled") {
    await tx
      .update(workflowTasks)
      .set({ status: "cancelled", version: sql`${workflowTasks.version} + 1`, updatedAt: now })
      .where(and(eq(workflowTasks.organizationId, organizationId), eq(workflowTasks.workflowId, workflow.id), eq(workflowTasks.status, "open")));
  }
  await bumpWorkflowVersion(tx, organizationId, workflow.id);
  const data = { title: workflow.title, from: workflow.status, to: status };
  await recordWorkflowEvent(tx, { organizationId, objectId: workflow.id, actorId, kind: eventOf[status], data });
  await tellWorkflowPeople(tx, organizationId, actorId, workflow, { change: changeOf[status] });
}

/** A rejection sends the workflow back to draft: its responsible reworks the revision and starts it again. */
export async function sendWorkflowBack(tx: Executor, organizationId: string, actorId: string, workflow: WorkflowRecord, comment: string): Promise<void> {
  await tx
    .update(workflows)
    .set({ status: "draft", updatedAt: new Date() })
    .where(and(eq(workflows.objectId, workflow.id), eq(workflows.organizationId, organizationId)));
  await bumpWorkflowVersion(tx, organizationId, workflow.id);
  await tellWorkflowPeople(tx, organizationId, actorId, workflow, { change: "rejected", comment });
}

/** How many of the workflow's tasks are still open. */
export async function openTaskCount(tx: Executor, organizationId: string, workflowId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(workflowTasks)
    .where(and(eq(workflowTasks.organizationId, organizationId), eq(workflowTasks.workflowId, workflowId), eq(workflowTasks.status, "open")));
  return row?.n ?? 0;
}

/**
 * Starting again after a rejection: each signature task whose last decision was a rejection is open again, so the
 * reworked revision is signed anew (the rejection stays in the signatures).
 */
export async function reopenRejectedSignatures(tx: Executor, organizationId: string, workflowId: string): Promise<void> {
  // Written out: drizzle leaves the outer row's columns unqualified in an UPDATE.
  const lastDecision = sql`(select s.decision from signatures s where s.task_id = "workflow_tasks"."id" order by s.signed_at desc, s.id desc limit 1)`;
  await tx
    .update(workflowTasks)
    .set({ status: "open", completedAt: null, completedById: null, version: sql`${workflowTasks.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(workflowTasks.organizationId, organizationId),
        eq(workflowTasks.workflowId, workflowId),
        eq(workflowTasks.kind, "signature"),
        eq(workflowTasks.status, "done"),
        sql`${lastDecision} = 'rejected'`,
      ),
    );
}
