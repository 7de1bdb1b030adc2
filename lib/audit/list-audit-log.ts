import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { auditLog, sites, teams, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { auditFilterFields, auditFiltersSql, reversedRange } from "./audit-filters";

const listFields = z.strictObject({ ...auditFilterFields, limit: pageLimitSchema, cursor: cursorSchema.optional() });
export const listAuditLogSchema = withoutEmptyParameters(listFields);
export type ListAuditLogInput = z.input<typeof listFields>;

export interface AuditPerson {
  id: string;
  name: string;
  email: string;
}

/** One audit entry as the page and the API show it. */
export interface AuditEntryView {
  /** The entry's number in the log, as text (ids are opaque strings in the API). */
  id: string;
  occurredAt: string;
  /** Null for the operator CLI and the system; a person whose row is gone keeps only its id. */
  actor: AuditPerson | { id: string; name: null; email: null } | null;
  action: string;
  /** What the entry is about; `label` names a user, site or team that still exists. */
  target: { type: string; id: string | null; label: string | null } | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

const targetTables = {
  user: { table: users, id: users.id, label: users.name, organizationId: users.organizationId },
  site: { table: sites, id: sites.id, label: sites.name, organizationId: sites.organizationId },
  team: { table: teams, id: teams.id, label: teams.name, organizationId: teams.organizationId },
} as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names of the users, sites and teams a page's entries are about, in one query per kind. */
async function targetLabels(db: Executor, organizationId: string, entries: readonly { targetType: string | null; targetId: string | null }[]) {
  const labels = new Map<string, string>();
  for (const [type, source] of Object.entries(targetTables)) {
    const ids = [...new Set(entries.filter((entry) => entry.targetType === type && entry.targetId && uuidPattern.test(entry.targetId)).map((entry) => entry.targetId!))];
    if (ids.length === 0) continue;
    const rows = await db
      .select({ id: source.id, label: source.label })
      .from(source.table)
      .where(and(eq(source.organizationId, organizationId), inArray(source.id, ids)));
    for (const row of rows) labels.set(`${type}:${row.id}`, row.label);
  }
  return labels;
}

/**
 * One page of the organisation's audit log, newest first, narrowed by the filters (Admin; the caller checked the
 * role). Keyset-paginated on (occurred_at, id), which the `audit_log_org_time_idx` index serves.
 */
export async function listAuditLog(db: Executor, user: ActingUser, input: ListAuditLogInput): Promise<Result<AuditPage>> {
  const parsed = parseInput(listAuditLogSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor: cursorText, ...filters } = parsed.data;
  const reversed = reversedRange(filters);
  if (reversed) return fail("invalid", "errors.fieldsNeedAttention", reversed);
  const cursor = cursorText === undefined ? null : decodeAuditCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: utcInstantSql(auditLog.occurredAt),
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      before: auditLog.before,
      after: auditLog.after,
      clientAddress: auditLog.clientAddress,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.actorId), eq(users.organizationId, auditLog.organizationId)))
    .where(
      and(
        auditFiltersSql(user.organizationId, filters, user.timeZone),
        cursor ? sql`(${auditLog.occurredAt}, ${auditLog.id}) < (${cursor.occurredAt}::timestamptz, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const labels = await targetLabels(db, user.organizationId, page);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurredAt,
      actor: row.actorId === null ? null : row.actorName === null ? { id: row.actorId, name: null, email: null } : { id: row.actorId, name: row.actorName, email: row.actorEmail! },
      action: row.action,
      target: row.targetType === null ? null : { type: row.targetType, id: row.targetId, label: labels.get(`${row.targetType}:${row.targetId}`) ?? null },
      before: row.before,
      after: row.after,
      clientAddress: row.clientAddress,
    })),
    nextCursor: rows.length > limit && last ? encodeAuditCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
  });
}
