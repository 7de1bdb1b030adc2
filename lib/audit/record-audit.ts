import "server-only";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditEntry {
  organizationId: string;
  /** Null for the operator CLI and the system itself. */
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  clientAddress?: string | null;
}

/** Appends one entry to the organisation's audit log (append-only: a trigger refuses changes). */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    clientAddress: entry.clientAddress ?? null,
  });
}
