import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import type { AuditFilters } from "./audit-filters";
import { listAuditLog, type AuditPage } from "./list-audit-log";

/** The page's query: the API's filters, with the actor named by e-mail (people type addresses, not ids). */
export interface AuditLogPageQuery extends Omit<AuditFilters, "actorId"> {
  actor?: string;
  cursor?: string;
}

export interface AuditLogPageData {
  page: Result<AuditPage>;
  /** The e-mail typed names no user of the organisation: the page says so and lists nothing. */
  actorUnknown: boolean;
  /** The actions recorded so far, offered as suggestions for the action filter. */
  actions: string[];
}

/** The audit log page's data (Admin; the page gate checked the role). */
export async function loadAuditLogPage(db: Executor, user: ActingUser, query: AuditLogPageQuery, limit: number): Promise<AuditLogPageData> {
  const { actor, ...rest } = query;
  const actions = db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.organizationId, user.organizationId))
    .orderBy(asc(auditLog.action))
    .limit(200);
  let actorId: string | undefined;
  if (actor) {
    const [found] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, user.organizationId), sql`lower(${users.email}) = lower(${actor})`));
    if (!found) return { page: ok({ items: [], nextCursor: null }), actorUnknown: true, actions: (await actions).map((row) => row.action) };
    actorId = found.id;
  }
  const [page, recorded] = await Promise.all([listAuditLog(db, user, { ...rest, actorId, limit }), actions]);
  return { page, actorUnknown: false, actions: recorded.map((row) => row.action) };
}
