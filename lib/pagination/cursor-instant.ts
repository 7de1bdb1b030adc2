import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * A timestamptz column as cursors keep it: UTC, at PostgreSQL's microsecond precision (a JavaScript Date would round
 * it to milliseconds, and a keyset comparison would then repeat or skip rows), whatever the session's time zone.
 */
export function utcInstantSql(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const instantPattern = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Whether a cursor's instant is one utcInstantSql can have written: its format, and a real instant that reads back
 * the same — month 13, 31 February, hour 24 or year 0000 are refused here, not by PostgreSQL as a server error.
 */
export function isCursorInstant(text: string): boolean {
  const match = instantPattern.exec(text);
  if (!match || match[1] === "0000") return false;
  const toMilliseconds = `${text.slice(0, 23)}Z`;
  const instant = new Date(toMilliseconds);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === toMilliseconds;
}
