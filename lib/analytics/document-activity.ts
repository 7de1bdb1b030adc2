import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { documentRevisions, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedObjectsSql, type AnalyticsScope } from "./analytics-scope";
import type { ChartData } from "./analytics-data";
import { bucketColumns, figureOf } from "./period-figures";
import { periodKeySql, withinBothRangesSql } from "./period-sql";

const series = ["created", "revised", "validated"] as const;

/**
 * Documents created, new revisions (B, C… — A comes with the document) and revisions validated, per bucket, of the
 * documents the viewer may see, by their origin site.
 */
export async function documentActivity(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const counted = await countedObjectsSql(db, user, scope, "document");
  const counts = new Map<string, number>();
  if (counted) {
    const created = periodKeySql(sql`${objects.createdAt}`, period);
    const revised = periodKeySql(sql`${documentRevisions.createdAt}`, period);
    const validated = periodKeySql(sql`${documentRevisions.validatedAt}`, period);
    const rows = rowsOf<{ series: string; key: string; n: number }>(
      await db.execute(sql`
        select 'created' as series, ${created} as key, count(*)::int as n from ${objects}
        where ${counted} and ${withinBothRangesSql(sql`${objects.createdAt}`, period)} group by 2
        union all
        select 'revised', ${revised}, count(*)::int from ${documentRevisions}
        join ${objects} on ${objects.id} = ${documentRevisions.objectId} and ${objects.organizationId} = ${documentRevisions.organizationId}
        where ${documentRevisions.organizationId} = ${user.organizationId} and ${documentRevisions.sequence} > 0
          and ${withinBothRangesSql(sql`${documentRevisions.createdAt}`, period)} and ${counted} group by 2
        union all
        select 'validated', ${validated}, count(*)::int from ${documentRevisions}
        join ${objects} on ${objects.id} = ${documentRevisions.objectId} and ${objects.organizationId} = ${documentRevisions.organizationId}
        where ${documentRevisions.organizationId} = ${user.organizationId} and ${documentRevisions.validatedAt} is not null
          and ${withinBothRangesSql(sql`${documentRevisions.validatedAt}`, period)} and ${counted} group by 2`),
    );
    for (const row of rows) counts.set(`${row.series}:${row.key}`, Number(row.n));
  }
  return {
    id: "documents",
    figures: Object.fromEntries(series.map((name) => [name, figureOf(counts, name, period)])),
    ...bucketColumns(period, series, (key, name) => counts.get(`${name}:${key}`) ?? 0),
  };
}
