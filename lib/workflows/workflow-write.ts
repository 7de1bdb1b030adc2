import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, workflows, type WorkflowKind, type WorkflowStatus } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { objectNotFoundMessage } from "@/lib/authz/object-access";
import { guardedObjectWrite, type GuardedWriteContext } from "@/lib/objects/guarded-object-write";
import { fail, type Result } from "@/lib/result";
import { mayManageWorkflow } from "./manage-workflow";
import { workflowMessages } from "./workflow-messages";

/** A workflow as its writes read it, locked for the transaction. */
export interface WorkflowRecord {
  id: string;
  reference: string;
  title: string;
  kind: WorkflowKind;
  status: WorkflowStatus;
  responsibleId: string;
  version: number;
}

export interface WorkflowWriteContext extends GuardedWriteContext {
  workflow: WorkflowRecord;
}

export interface WorkflowWriteOptions {
  workflowId: string;
  /** The workflow's version the user read (its object's): a write on a newer one is refused as stale. */
  expectedVersion?: number;
  /** Whether the write manages the workflow (Admin, or its responsible Manager), rather than doing one's own task. */
  manage: boolean;
  clientAddress?: string | null;
}

/**
 * Runs a write on a workflow in a transaction: the caller must see it (else not_found, as for an unknown id) — the
 * object row is locked under the visibility guard, so a scope or rule change cannot slip in between — and, for a
 * managing write, be an Admin or its responsible Manager (else forbidden, audited).
 */
export function workflowWrite<T>(db: Executor, user: ActingUser, options: WorkflowWriteOptions, write: (context: WorkflowWriteContext) => Promise<Result<T>>): Promise<Result<T>> {
  return guardedObjectWrite(
    db,
    user,
    { objectId: options.workflowId, action: "view", expectedVersion: options.expectedVersion, clientAddress: options.clientAddress },
    async (context) => {
      const { tx, subject, authorized } = context;
      if (authorized.facts.type !== "workflow") return fail("not_found", objectNotFoundMessage);
      const [held] = await tx
        .select({ reference: objects.reference, title: objects.title, version: objects.version })
        .from(objects)
        .where(context.where)
        .for("update");
      if (!held) return null;
      const [row] = await tx
        .select({ kind: workflows.kind, status: workflows.status, responsibleId: workflows.responsibleId })
        .from(workflows)
        .where(and(eq(workflows.objectId, options.workflowId), eq(workflows.organizationId, subject.organizationId)))
        .for("update");
      if (!row) return fail("not_found", objectNotFoundMessage);
      if (options.manage && !mayManageWorkflow(subject, row)) {
        await recordAudit(tx, {
          organizationId: subject.organizationId,
          actorId: subject.id,
          action: "access.denied",
          targetType: "object",
          targetId: options.workflowId,
          after: { action: "manage_workflow", reason: "not responsible" },
          clientAddress: options.clientAddress ?? null,
        });
        return fail("forbidden", workflowMessages.manageForbidden);
      }
      return write({ ...context, workflow: { id: options.workflowId, ...held, ...row } });
    },
  );
}

/** A change to the workflow itself (status, kind, responsible, subjects): its object's version moves on. */
export async function bumpWorkflowVersion(tx: Executor, organizationId: string, workflowId: string): Promise<void> {
  await tx
    .update(objects)
    .set({ version: sql`${objects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(objects.id, workflowId), eq(objects.organizationId, organizationId)));
}
