import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsGrain } from "./analytics-input";
import { addDays } from "./calendar-days";
import type { AnalyticsBucket, AnalyticsPeriod, DayRange } from "./analytics-periods";

/** The instant a calendar day starts in the time zone: periods are cut at the organisation's midnight, not UTC's. */
export function dayStartSql(day: string, timeZone: string): SQL {
  return sql`(${day}::date::timestamp at time zone ${timeZone})`;
}

/** The instant just after a range: the start of the day after its last day. */
export function rangeEndSql(range: DayRange, timeZone: string): SQL {
  return sql`(((${range.to}::date + 1)::timestamp) at time zone ${timeZone})`;
}

/** The key (`YYYY-MM-DD` of the week's Monday or the month's first day) of the bucket an instant falls in. */
export function bucketKeySql(instant: SQL, grain: AnalyticsGrain, timeZone: string): SQL {
  return sql`to_char(date_trunc(${grain}, ${instant} at time zone ${timeZone}), 'YYYY-MM-DD')`;
}

/**
 * Which bucket of the period or of the previous period an instant falls in: its key, or `previous` — so one scan over
 * both ranges gives every bar and the trend's comparison.
 */
export function periodKeySql(instant: SQL, period: AnalyticsPeriod): SQL {
  return sql`case when ${instant} < ${dayStartSql(period.from, period.timeZone)} then 'previous' else ${bucketKeySql(instant, period.grain, period.timeZone)} end`;
}

/** `instant` inside the previous period or the period. */
export function withinBothRangesSql(instant: SQL, period: AnalyticsPeriod): SQL {
  return sql`${instant} >= ${dayStartSql(period.previous.from, period.timeZone)} and ${instant} < ${rangeEndSql(period, period.timeZone)}`;
}

/**
 * The buckets as rows `(key, start_at, end_at)`, with the whole period (`period`) and the previous one (`previous`),
 * for figures that ask "how many were in this state at some point of each bucket".
 */
export function bucketRowsSql(period: AnalyticsPeriod): SQL {
  const rows: AnalyticsBucket[] = [
    ...period.buckets,
    { key: "period", start: period.from, end: addDays(period.to, 1) },
    { key: "previous", start: period.previous.from, end: period.from },
  ];
  const keys = `{${rows.map((row) => row.key).join(",")}}`;
  const starts = `{${rows.map((row) => row.start).join(",")}}`;
  const ends = `{${rows.map((row) => row.end).join(",")}}`;
  return sql`(select b.key, (b.start_day::timestamp at time zone ${period.timeZone}) as start_at, (b.end_day::timestamp at time zone ${period.timeZone}) as end_at
    from unnest(${keys}::text[], ${starts}::date[], ${ends}::date[]) as b(key, start_day, end_day))`;
}

