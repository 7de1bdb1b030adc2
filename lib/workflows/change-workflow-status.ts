import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getWorkflow } from "./get-workflow";
import { workflowMessages } from "./workflow-messages";
import { workflowVersionedSchema, type WorkflowVersionedInput } from "./workflow-schemas";
import { openTaskCount, reopenRejectedSignatures, setWorkflowStatus } from "./workflow-status";
import type { WorkflowView } from "./workflow-view";
import { workflowWrite } from "./workflow-write";

type Context = { clientAddress?: string | null };

/** Starts a draft workflow (also one a rejection sent back: its rejected signature tasks open again). */
export async function startWorkflow(db: Executor, user: ActingUser, input: WorkflowVersionedInput, context: Context = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(workflowVersionedSchema, input);
  if (!parsed.ok) return parsed;
  const done = await workflowWrite(db, user, { workflowId: parsed.data.id, expectedVersion: parsed.data.version, manage: true, ...context }, async ({ tx, workflow }) => {
    if (workflow.status !== "draft") return fail("conflict", workflowMessages.cannotStart);
    await reopenRejectedSignatures(tx, user.organizationId, workflow.id);
    await setWorkflowStatus(tx, user.organizationId, user.id, workflow, "in_progress");
    return ok(null);
  });
  return done.ok ? getWorkflow(db, user, { id: parsed.data.id }) : done;
}

/** Completes a workflow in progress whose tasks are all done or cancelled (the last task done completes it anyway). */
export async function completeWorkflow(db: Executor, user: ActingUser, input: WorkflowVersionedInput, context: Context = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(workflowVersionedSchema, input);
  if (!parsed.ok) return parsed;
  const done = await workflowWrite(db, user, { workflowId: parsed.data.id, expectedVersion: parsed.data.version, manage: true, ...context }, async ({ tx, workflow }) => {
    if (workflow.status !== "in_progress") return fail("conflict", workflowMessages.notInProgress);
    if ((await openTaskCount(tx, user.organizationId, workflow.id)) > 0) return fail("conflict", workflowMessages.openTasksLeft);
    await setWorkflowStatus(tx, user.organizationId, user.id, workflow, "completed");
    return ok(null);
  });
  return done.ok ? getWorkflow(db, user, { id: parsed.data.id }) : done;
}

/** Cancels a draft or running workflow; its open tasks are cancelled with it. */
export async function cancelWorkflow(db: Executor, user: ActingUser, input: WorkflowVersionedInput, context: Context = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(workflowVersionedSchema, input);
  if (!parsed.ok) return parsed;
  const done = await workflowWrite(db, user, { workflowId: parsed.data.id, expectedVersion: parsed.data.version, manage: true, ...context }, async ({ tx, workflow }) => {
    if (workflow.status === "completed" || workflow.status === "cancelled") return fail("conflict", workflowMessages.finished);
    await setWorkflowStatus(tx, user.organizationId, user.id, workflow, "cancelled");
    return ok(null);
  });
  return done.ok ? getWorkflow(db, user, { id: parsed.data.id }) : done;
}

/**
 * Deletes a workflow — Admins any, the responsible Manager their own — by moving it to the trash like any object
 * (restorable for 30 days by Full-access users); its tasks and signatures stay with it.
 */
export async function deleteWorkflow(db: Executor, user: ActingUser, input: WorkflowVersionedInput, context: Context = {}): Promise<Result<{ id: string; trashedAt: string }>> {
  const parsed = parseInput(workflowVersionedSchema, input);
  if (!parsed.ok) return parsed;
  return workflowWrite(db, user, { workflowId: parsed.data.id, expectedVersion: parsed.data.version, manage: true, ...context }, async ({ tx, workflow }) => {
    const now = new Date();
    await tx
      .update(objects)
      .set({ trashedAt: now, trashedById: user.id, version: sql`${objects.version} + 1`, updatedAt: now })
      .where(and(eq(objects.id, workflow.id), eq(objects.organizationId, user.organizationId)));
    await recordObjectActivity(tx, { organizationId: user.organizationId, objectId: workflow.id, objectType: "workflow", actorId: user.id, kind: "trashed" });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "object.trashed",
      targetType: "object",
      targetId: workflow.id,
      before: { reference: workflow.reference, title: workflow.title },
      clientAddress: context.clientAddress ?? null,
    });
    return ok({ id: workflow.id, trashedAt: now.toISOString() });
  });
}
