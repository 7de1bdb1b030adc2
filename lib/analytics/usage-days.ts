import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { usageDays, usageRollups, usageSessions } from "@/db/schema";
import { sessionPolicy } from "@/lib/auth/session-policy";
import { addDays } from "./calendar-days";
import type { DayRange } from "./analytics-periods";

/** How far before a range a session may have started and still reach into it: its longest life, and a day more. */
function longestSessionSql(): SQL {
  return sql`make_interval(secs => ${Math.round(sessionPolicy().absoluteMs / 1000) + 86_400})`;
}

/**
 * Usage per user and calendar day (in `timeZone`) of the days of `range`, from the raw sessions: sessions started
 * that day and their whole length, and the time signed in that day — a session running past midnight is split
 * between the days (and so between weeks and months) at the organisation's midnight. A session that has not ended
 * counts up to its last activity. The columns of usage_days, which the rollup job fills from this very query.
 */
export function rawUsageDaysSql(organizationId: string, timeZone: string, range: DayRange): SQL {
  const s = usageSessions;
  const dayStart = sql`(g.day::timestamp at time zone ${timeZone})`;
  const nextDayStart = sql`((g.day::date + 1)::timestamp at time zone ${timeZone})`;
  const startedThatDay = sql`(${s.startedAt} at time zone ${timeZone})::date = g.day::date`;
  return sql`select ${s.userId} as user_id, g.day::date as day,
      (count(*) filter (where ${startedThatDay}))::int as sessions,
      coalesce(round(sum(extract(epoch from e.ended - ${s.startedAt})) filter (where ${startedThatDay})), 0)::int as session_seconds,
      round(sum(greatest(0, extract(epoch from least(e.ended, ${nextDayStart}) - greatest(${s.startedAt}, ${dayStart})))))::int as active_seconds
    from ${s}
    cross join lateral (select coalesce(${s.endedAt}, ${s.lastActivityAt}) as ended) e
    cross join lateral generate_series(date_trunc('day', ${s.startedAt} at time zone ${timeZone}), date_trunc('day', e.ended at time zone ${timeZone}), interval '1 day') g(day)
    where ${s.organizationId} = ${organizationId}
      and ${s.startedAt} >= (${range.from}::date::timestamp at time zone ${timeZone}) - ${longestSessionSql()}
      and ${s.startedAt} < ((${range.to}::date + 1)::timestamp at time zone ${timeZone})
      and g.day::date between ${range.from}::date and ${range.to}::date
    group by ${s.userId}, g.day`;
}

/** The last day the rollup holds for the organisation in this time zone, or null (none, or cut in another zone). */
export async function rolledThrough(db: Executor, organizationId: string, timeZone: string): Promise<string | null> {
  const [row] = await db
    .select({ day: usageRollups.rolledThrough })
    .from(usageRollups)
    .where(and(eq(usageRollups.organizationId, organizationId), eq(usageRollups.timeZone, timeZone)));
  return row?.day ?? null;
}

/**
 * Usage per user and day over `range`: closed days from the rollup (usage_days), the days after it from the raw
 * sessions — so the figures are never stale, and a year of 10,000 users reads a few days of sessions.
 */
export async function usageDaysSql(db: Executor, organizationId: string, timeZone: string, range: DayRange): Promise<SQL> {
  const through = await rolledThrough(db, organizationId, timeZone);
  if (through === null || through < range.from) return rawUsageDaysSql(organizationId, timeZone, range);
  const rolled = sql`select ${usageDays.userId} as user_id, ${usageDays.day} as day, ${usageDays.sessions} as sessions,
      ${usageDays.sessionSeconds} as session_seconds, ${usageDays.activeSeconds} as active_seconds
    from ${usageDays} where ${usageDays.organizationId} = ${organizationId} and ${usageDays.day} between ${range.from}::date and ${through < range.to ? through : range.to}::date`;
  if (through >= range.to) return rolled;
  return sql`${rolled} union all ${rawUsageDaysSql(organizationId, timeZone, { from: addDays(through, 1), to: range.to })}`;
}
