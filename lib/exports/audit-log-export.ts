import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { auditFiltersSql, type AuditFilters } from "@/lib/audit/audit-filters";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import type { ExportSource } from "./export-source";
import type { ExportWords } from "./export-words";
import { keyedBatches } from "./query-batches";

interface AuditRow {
  id: number;
  occurredAt: string;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
}

const jsonCell = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The audit log with the page's filters, newest first, before and after as JSON. */
export async function auditLogExport(db: Database, user: ActingUser, filters: AuditFilters, { t }: ExportWords): Promise<ExportSource> {
  const where = auditFiltersSql(user.organizationId, filters, user.timeZone);
  return {
    header: [
      t("columns.occurredAt"),
      t("columns.actor"),
      t("columns.actorEmail"),
      t("columns.action"),
      t("columns.targetType"),
      t("columns.targetId"),
      t("columns.before"),
      t("columns.after"),
      t("columns.clientAddress"),
    ],
    count: async () => {
      const [row] = rowsOf<{ total: number }>(await db.execute(sql`select count(*)::int as total from ${auditLog} where ${where}`));
      return row?.total ?? 0;
    },
    batches: async function* () {
      const rows = keyedBatches<AuditRow, { occurredAt: string; id: number }>(db, {
        select: ({ after, limit }) => sql`
          select ${auditLog.id} as id, ${utcInstantSql(auditLog.occurredAt)} as "occurredAt", ${users.name} as "actorName",
            ${users.email} as "actorEmail", ${auditLog.action} as action, ${auditLog.targetType} as "targetType",
            ${auditLog.targetId} as "targetId", ${auditLog.before} as before, ${auditLog.after} as after,
            ${auditLog.clientAddress} as "clientAddress"
          from ${auditLog}
          left join ${users} on ${and(eq(users.id, auditLog.actorId), eq(users.organizationId, auditLog.organizationId))}
          where ${where} ${after === null ? sql`` : sql`and (${auditLog.occurredAt}, ${auditLog.id}) < (${after.occurredAt}::timestamptz, ${after.id})`}
          order by ${auditLog.occurredAt} desc, ${auditLog.id} desc ${limit === null ? sql`` : sql`limit ${limit}`}`,
        keyOf: (row) => ({ occurredAt: row.occurredAt, id: Number(row.id) }),
      });
      for await (const batch of rows) {
        yield batch.map((row) => [
          row.occurredAt,
          row.actorName ?? "",
          row.actorEmail ?? "",
          row.action,
          row.targetType ?? "",
          row.targetId ?? "",
          jsonCell(row.before),
          jsonCell(row.after),
          row.clientAddress ?? "",
        ]);
      }
    },
  };
}
