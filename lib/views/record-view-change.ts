import "server-only";
import type { Executor } from "@/db/client";
import { recordAdminChange, type AdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Audits a change to a saved view. A shared view is an admin change (recordAdminChange: audit and authorization
 * version). A personal view is the user's own list preference: audited, but it cannot change any access decision
 * (views only narrow a list, SPEC §9), so it does not make every instance drop its cached plans.
 */
export async function recordViewChange(tx: Executor, actor: ActingUser, shared: boolean, change: AdminChange, clientAddress?: string | null) {
  if (shared) await recordAdminChange(tx, actor, change, clientAddress);
  else await recordAudit(tx, { organizationId: actor.organizationId, actorId: actor.id, clientAddress: clientAddress ?? null, ...change });
}
