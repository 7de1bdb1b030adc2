import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, workflowKinds, workflows, workflowStatuses } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedObjectsSql, type AnalyticsScope } from "./analytics-scope";
import type { ChartData } from "./analytics-data";
import { dayStartSql, withinBothRangesSql } from "./period-sql";

/** Workflows created in the period, by kind (ECR, ECO, ECN, NPD) and their status now; the total against the previous period. */
export async function workflowBreakdown(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const counted = await countedObjectsSql(db, user, scope, "workflow");
  const counts = new Map<string, number>();
  let previous = 0;
  if (counted) {
    const rows = rowsOf<{ kind: string; status: string; previous: boolean; n: number }>(
      await db.execute(sql`
        select ${workflows.kind} as kind, ${workflows.status} as status,
          ${objects.createdAt} < ${dayStartSql(period.from, period.timeZone)} as previous, count(*)::int as n
        from ${workflows} join ${objects} on ${objects.id} = ${workflows.objectId} and ${objects.organizationId} = ${workflows.organizationId}
        where ${counted} and ${withinBothRangesSql(sql`${objects.createdAt}`, period)}
        group by 1, 2, 3`),
    );
    for (const row of rows) {
      if (row.previous) previous += Number(row.n);
      else counts.set(`${row.kind}:${row.status}`, Number(row.n));
    }
  }
  const rows = workflowKinds.map((kind) => {
    const byStatus = workflowStatuses.map((status) => counts.get(`${kind}:${status}`) ?? 0);
    return [kind, ...byStatus, byStatus.reduce((sum, n) => sum + n, 0)];
  });
  const total = rows.reduce((sum, row) => sum + Number(row.at(-1)), 0);
  return {
    id: "workflows",
    figures: { total: { value: total, previous } },
    columns: ["kind", ...workflowStatuses, "total"],
    rows,
  };
}
