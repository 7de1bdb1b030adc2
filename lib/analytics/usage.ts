import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { UsageSortKey } from "./analytics-input";
import type { AnalyticsPeriod } from "./analytics-periods";
import { countedUsersSql, type AnalyticsScope } from "./analytics-scope";
import type { Cell, ChartData } from "./analytics-data";
import { usageDaysSql } from "./usage-days";

export interface UsageOrder {
  sort: UsageSortKey;
  order: "asc" | "desc";
}

/** How many users the page's table shows; the CSV export has them all. */
export const usageTableUsers = 100;

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

const sortColumns: Record<UsageSortKey, SQL> = {
  name: sql`lower(u.name)`,
  sessions: sql`sessions`,
  average: sql`average_seconds`,
  time: sql`active_seconds`,
};

interface UserRow {
  id: string;
  name: string;
  sessions: number;
  session_seconds: number;
  active_seconds: number;
  buckets: Record<string, number> | null;
}

/**
 * Per-user usage in the period — sessions started, their average length, time signed in, and time signed in per bucket
 * (the sparkline) — for every user the viewer may see the usage of: Admins every user (or a site's members),
 * Managers the members of their own sites. Users with no session are listed with zeros. Figures: sessions, average
 * length and time, against the previous period.
 */
export async function usage(
  db: Executor,
  user: ActingUser,
  scope: AnalyticsScope,
  period: AnalyticsPeriod,
  order: UsageOrder,
  limit: number | null,
): Promise<ChartData> {
  const days = await usageDaysSql(db, user.organizationId, period.timeZone, { from: period.previous.from, to: period.to });
  const counted = countedUsersSql(user, scope);
  const inPeriod = sql`d.day >= ${period.from}::date`;
  // Days are already the organisation's calendar days: truncated as they are, with no time zone to apply.
  const bucketKey = sql`to_char(date_trunc(${period.grain}, d.day::timestamp), 'YYYY-MM-DD')`;
  const orderBy = sql`${sortColumns[order.sort]} ${order.order === "asc" ? sql`asc` : sql`desc`}, lower(u.name), u.id`;
  // Only the counted users' days: a site's members are a small part of the organisation's.
  const countedDays = sql`select x.* from (${days}) x where x.user_id in (select ${users.id} from ${users} where ${counted})`;
  const result = await db.execute(sql`
    with d as (${countedDays}),
    u as (select ${users.id} as id, ${users.name} as name from ${users} where ${counted}),
    -- Summed per user before the join: the days are many (one per user and day), the users few.
    by_user as (
      select d.user_id,
        sum(d.sessions)::int as sessions, sum(d.session_seconds)::bigint as session_seconds, sum(d.active_seconds)::bigint as active_seconds
      from d where ${inPeriod} group by d.user_id),
    per_user as (
      select u.id, u.name, coalesce(b.sessions, 0) as sessions, coalesce(b.session_seconds, 0) as session_seconds,
        coalesce(b.active_seconds, 0) as active_seconds
      from u left join by_user b on b.user_id = u.id),
    ranked as (
      select u.*, case when sessions = 0 then 0 else session_seconds::float8 / sessions end as average_seconds,
        count(*) over () as total
      from per_user u
      order by ${orderBy}
      ${limit === null ? sql`` : sql`limit ${limit}`}),
    -- The sparklines of the listed users only, grouped once (not a scan of every day per user).
    spark as (
      select d.user_id, ${bucketKey} as key, sum(d.active_seconds)::bigint as seconds
      from d where ${inPeriod} and d.user_id in (select id from ranked) group by 1, 2)
    select u.id, u.name, u.sessions, u.session_seconds, u.active_seconds, u.total,
      (select jsonb_object_agg(s.key, s.seconds) from spark s where s.user_id = u.id) as buckets
    from ranked u
    order by ${orderBy}`);
  const rows = rowsOf<UserRow & { total: number }>(result);
  const totals = rowsOf<{ key: string; sessions: number; session_seconds: number; active_seconds: number }>(
    await db.execute(sql`
      with d as (${countedDays})
      select case when d.day < ${period.from}::date then 'previous' else ${bucketKey} end as key,
        sum(d.sessions)::int as sessions, sum(d.session_seconds)::bigint as session_seconds, sum(d.active_seconds)::bigint as active_seconds
      from d group by 1`),
  );
  const byKey = new Map(totals.map((row) => [row.key, row]));
  const sum = (keys: string[], field: "sessions" | "session_seconds" | "active_seconds") =>
    keys.reduce((total, key) => total + Number(byKey.get(key)?.[field] ?? 0), 0);
  const current = period.buckets.map((bucket) => bucket.key);
  const average = (keys: string[]) => {
    const sessions = sum(keys, "sessions");
    return sessions === 0 ? 0 : minutes(sum(keys, "session_seconds") / sessions);
  };
  const total = Number(rows[0]?.total ?? 0);
  return {
    id: "usage",
    figures: {
      sessions: { value: sum(current, "sessions"), previous: sum(["previous"], "sessions") },
      averageMinutes: { value: average(current), previous: average(["previous"]) },
      hours: { value: hours(sum(current, "active_seconds")), previous: hours(sum(["previous"], "active_seconds")) },
    },
    columns: ["user", "sessions", "averageMinutes", "hours", ...current],
    rows: rows.map((row): Cell[] => {
      const sessions = Number(row.sessions);
      return [
        row.name,
        sessions,
        sessions === 0 ? 0 : minutes(Number(row.session_seconds) / sessions),
        hours(Number(row.active_seconds)),
        ...current.map((key) => hours(Number(row.buckets?.[key] ?? 0))),
      ];
    }),
    plot: { columns: ["period", "hours"], rows: current.map((key): Cell[] => [key, hours(sum([key], "active_seconds"))]) },
    omittedRows: Math.max(0, total - rows.length),
  };
}
