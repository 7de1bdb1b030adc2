import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";

const text = (message: string, max: number) => z.string(message).trim().min(1, message).max(max, message).optional();

/**
 * The audit log's filters, shared by its page, `GET /api/v1/audit-log` and the audit log export: who (actor), to what
 * (target type and id), what (action, exactly as recorded) and when (calendar dates, both included, in the
 * organisation's time zone).
 */
export const auditFilterFields = {
  actorId: z.uuid("adminAudit.errors.actorInvalid").optional(),
  targetType: text("adminAudit.errors.targetTypeInvalid", 100),
  targetId: text("adminAudit.errors.targetIdInvalid", 200),
  action: text("adminAudit.errors.actionInvalid", 100),
  from: z.iso.date("adminAudit.errors.dateInvalid").optional(),
  to: z.iso.date("adminAudit.errors.dateInvalid").optional(),
};

export interface AuditFilters {
  actorId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditFilterNames = Object.keys(auditFilterFields) as (keyof AuditFilters)[];

/** A date range the wrong way round, as a field error on `to`; null when the range holds. */
export function reversedRange(filters: AuditFilters): Record<string, string> | null {
  return filters.from && filters.to && filters.from > filters.to ? { to: "adminAudit.errors.rangeReversed" } : null;
}

/**
 * The filters as SQL over `audit_log` of one organisation. Dates are the organisation's calendar days: `from` at its
 * local midnight, `to` up to the next one.
 */
export function auditFiltersSql(organizationId: string, filters: AuditFilters, timeZone: string): SQL {
  return and(
    eq(auditLog.organizationId, organizationId),
    filters.actorId ? eq(auditLog.actorId, filters.actorId) : undefined,
    filters.targetType ? eq(auditLog.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditLog.targetId, filters.targetId) : undefined,
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.from ? sql`${auditLog.occurredAt} >= (${filters.from}::date::timestamp at time zone ${timeZone})` : undefined,
    filters.to ? sql`${auditLog.occurredAt} < ((${filters.to}::date + 1)::timestamp at time zone ${timeZone})` : undefined,
  )!;
}
