import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";

export interface AdminChange {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Every admin change writes who, what, before and after to the audit log and bumps the organisation's authorization
 * version (announced with NOTIFY), so no instance decides access from a cached plan made before the change. Call it
 * inside the transaction that makes the change.
 */
export async function recordAdminChange(db: Executor, actor: ActingUser, change: AdminChange, clientAddress?: string | null): Promise<void> {
  await recordAudit(db, { organizationId: actor.organizationId, actorId: actor.id, clientAddress: clientAddress ?? null, ...change });
  await bumpAuthzVersion(db, actor.organizationId);
}
