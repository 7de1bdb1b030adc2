import { listAuditLog, listAuditLogSchema } from "@/lib/audit/list-audit-log";
import { defineRoute } from "@/lib/gate/define-route";

/** The audit log, newest first, filtered by actor, target, action and dates (Admin; 404 for other roles): `{ items, nextCursor }`. */
export const GET = defineRoute(
  { name: "audit_log.list", input: listAuditLogSchema, capability: "administer", unknownToOtherRoles: "adminAudit.errors.notFound" },
  ({ db, user, input }) => listAuditLog(db, user, input),
);
