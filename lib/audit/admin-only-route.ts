import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows, type Capability } from "@/lib/authz/roles";
import type { ActionName } from "@/lib/gate/action-names";
import { fail, type AppError } from "@/lib/result";
import { recordAudit } from "./record-audit";

export const adminAreaNotFoundMessage = "adminAudit.errors.notFound";

/**
 * The refusal of an Admin-only API (exports, the audit log) to any other role: 404, as its pages are (SPEC §8 — for a
 * Manager these areas do not exist), where the gate's role check would answer 403. Audited like the gate's own
 * refusals. Routes declare no capability and call this first; null lets the Admin through.
 */
export async function refuseHiddenArea(
  db: Executor,
  user: ActingUser,
  request: { name: ActionName; capability: Capability; clientAddress: string },
): Promise<{ ok: false; error: AppError } | null> {
  if (roleAllows(user.role, request.capability)) return null;
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorId: user.id,
    action: "access.denied",
    targetType: "action",
    targetId: request.name,
    after: { reason: "role", role: user.role, capability: request.capability },
    clientAddress: request.clientAddress,
  });
  return fail("not_found", adminAreaNotFoundMessage);
}
