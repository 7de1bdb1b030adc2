import { refuseHiddenArea } from "@/lib/audit/admin-only-route";
import { listAuditLog, listAuditLogSchema } from "@/lib/audit/list-audit-log";
import { defineRoute } from "@/lib/gate/define-route";

/** The audit log, newest first, filtered by actor, target, action and dates (Admin; 404 for other roles): `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "audit_log.list", input: listAuditLogSchema }, async ({ db, user, input, clientAddress }) => {
  const refused = await refuseHiddenArea(db, user, { name: "audit_log.list", capability: "administer", clientAddress });
  return refused ?? listAuditLog(db, user, input);
});
