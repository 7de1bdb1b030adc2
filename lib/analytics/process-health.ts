import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, sites, users, workflowKinds, workflows, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedObjectsSql, type AnalyticsScope } from "./analytics-scope";
import type { Cell, ChartData } from "./analytics-data";
import { dayStartSql, periodKeySql, rangeEndSql, withinBothRangesSql } from "./period-sql";

const days = (seconds: unknown): number | null => (seconds === null || seconds === undefined ? null : Math.round((Number(seconds) / 86_400) * 10) / 10);

interface CycleRow {
  level: "detail" | "kind" | "all";
  site: string | null;
  kind: string | null;
  key: string;
  n: number;
  median: number | null;
  p90: number | null;
}

/**
 * Cycle time of the workflows completed in the period (launch → completion), median and 90th percentile in days: per
 * kind for the chart, per origin site, kind and bucket for the table; the overall median against the previous period.
 */
export async function workflowCycleTime(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const counted = await countedObjectsSql(db, user, scope, "workflow");
  const rows = counted
    ? rowsOf<CycleRow>(
        await db.execute(sql`
          with done as (
            select ${sites.name} as site, ${workflows.kind}::text as kind, ${periodKeySql(sql`${workflows.completedAt}`, period)} as key,
              extract(epoch from ${workflows.completedAt} - ${workflows.startedAt}) as seconds
            from ${workflows}
            join ${objects} on ${objects.id} = ${workflows.objectId} and ${objects.organizationId} = ${workflows.organizationId}
            left join ${sites} on ${sites.id} = ${objects.originSiteId} and ${sites.organizationId} = ${objects.organizationId}
            where ${counted} and ${workflows.status} = 'completed' and ${workflows.startedAt} is not null
              and ${withinBothRangesSql(sql`${workflows.completedAt}`, period)})
          select 'detail' as level, site, kind, key, count(*)::int as n,
            percentile_cont(0.5) within group (order by seconds) as median, percentile_cont(0.9) within group (order by seconds) as p90
          from done where key <> 'previous' group by site, kind, key
          union all
          select 'kind', null, kind, 'period', count(*)::int, percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds)
          from done where key <> 'previous' group by kind
          union all
          select 'all', null, null, case when key = 'previous' then 'previous' else 'period' end, count(*)::int,
            percentile_cont(0.5) within group (order by seconds), null
          from done group by 4`),
      )
    : [];
  const overall = (key: string) => days(rows.find((row) => row.level === "all" && row.key === key)?.median) ?? 0;
  const byKind = new Map(rows.filter((row) => row.level === "kind").map((row) => [row.kind, row]));
  const detail = rows
    .filter((row) => row.level === "detail")
    .sort((a, b) => `${a.site ?? "\uffff"}|${a.kind}|${a.key}`.localeCompare(`${b.site ?? "\uffff"}|${b.kind}|${b.key}`));
  return {
    id: "cycleTime",
    figures: { median: { value: overall("period"), previous: overall("previous") } },
    columns: ["site", "kind", "period", "completed", "medianDays", "p90Days"],
    rows: detail.map((row): Cell[] => [row.site, row.kind, row.key, Number(row.n), days(row.median), days(row.p90)]),
    plot: {
      columns: ["kind", "completed", "medianDays", "p90Days"],
      rows: workflowKinds.map((kind): Cell[] => {
        const row = byKind.get(kind);
        return [kind, Number(row?.n ?? 0), days(row?.median) ?? 0, days(row?.p90) ?? 0];
      }),
    },
  };
}

interface WaitRow {
  assignee: string | null;
  open: number;
  oldest: number | null;
  median_open: number | null;
  done: number;
  median_done: number | null;
  previous_median: number | null;
}

/** How many assignees the chart shows: those whose open tasks wait longest. */
const waitChartAssignees = 10;

/**
 * Where changes get stuck: per assignee, tasks of visible workflows still open at the end of the period (how many,
 * the oldest and the median wait) and those done in the period (median wait from creation to completion). The
 * figure is the median wait of the tasks done in the period, against the previous period.
 */
export async function taskWait(db: Executor, user: ActingUser, scope: AnalyticsScope, period: AnalyticsPeriod): Promise<ChartData> {
  const counted = await countedObjectsSql(db, user, scope, "workflow");
  const end = rangeEndSql(period, period.timeZone);
  const start = dayStartSql(period.from, period.timeZone);
  const rows = counted
    ? rowsOf<WaitRow>(
        await db.execute(sql`
          with tasks as (
            select ${users.name} as assignee, ${workflowTasks.createdAt} as created_at, ${workflowTasks.completedAt} as completed_at, ${workflowTasks.status} as status
            from ${workflowTasks}
            join ${objects} on ${objects.id} = ${workflowTasks.workflowId} and ${objects.organizationId} = ${workflowTasks.organizationId}
            left join ${users} on ${users.id} = ${workflowTasks.assigneeId} and ${users.organizationId} = ${workflowTasks.organizationId}
            where ${counted} and ${workflowTasks.createdAt} < ${end} and ${workflowTasks.status} <> 'cancelled'
              and (${workflowTasks.completedAt} is null or ${workflowTasks.completedAt} >= ${dayStartSql(period.previous.from, period.timeZone)}))
          select assignee,
            count(*) filter (where completed_at is null or completed_at >= ${end})::int as open,
            max(extract(epoch from ${end} - created_at)) filter (where completed_at is null or completed_at >= ${end}) as oldest,
            percentile_cont(0.5) within group (order by extract(epoch from ${end} - created_at)) filter (where completed_at is null or completed_at >= ${end}) as median_open,
            count(*) filter (where completed_at >= ${start} and completed_at < ${end})::int as done,
            percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) filter (where completed_at >= ${start} and completed_at < ${end}) as median_done,
            null::float8 as previous_median
          from tasks group by assignee
          union all
          select '*',  0, null, null,
            count(*) filter (where completed_at >= ${start} and completed_at < ${end})::int,
            percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) filter (where completed_at >= ${start} and completed_at < ${end}),
            percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) filter (where completed_at < ${start})
          from tasks`),
      )
    : [];
  const overall = rows.find((row) => row.assignee === "*");
  const perAssignee = rows
    .filter((row) => row !== overall)
    .sort((a, b) => (Number(b.oldest ?? -1) - Number(a.oldest ?? -1)) || (a.assignee ?? "").localeCompare(b.assignee ?? ""));
  const table = perAssignee.map((row): Cell[] => [row.assignee, Number(row.open), days(row.oldest), days(row.median_open), Number(row.done), days(row.median_done)]);
  return {
    id: "taskWait",
    figures: { medianDone: { value: days(overall?.median_done) ?? 0, previous: days(overall?.previous_median) ?? 0 } },
    columns: ["assignee", "open", "oldestDays", "medianOpenDays", "done", "medianDoneDays"],
    rows: table,
    plot: {
      columns: ["assignee", "oldestDays", "medianOpenDays"],
      rows: perAssignee
        .filter((row) => Number(row.open) > 0)
        .slice(0, waitChartAssignees)
        .map((row): Cell[] => [row.assignee, days(row.oldest), days(row.median_open)]),
    },
  };
}
