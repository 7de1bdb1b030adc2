import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { rowsOf, type Database, type Executor } from "@/db/client";
import { organizations, usageDays, usageRollups, usageSessions } from "@/db/schema";
import { sessionPolicy } from "@/lib/auth/session-policy";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";
import { addDays, todayIn } from "./calendar-days";
import { rawUsageDaysSql } from "./usage-days";

/**
 * The last day whose usage can no longer change: every session started on it has ended or reached its longest life
 * (SESSION_MAX_HOURS) since the day's end in the organisation's time zone.
 */
async function closedThrough(db: Executor, timeZone: string, now: Date): Promise<string> {
  const today = todayIn(timeZone, now);
  const [row] = rowsOf<{ day: string | null }>(
    await db.execute(sql`
      select to_char(max(d), 'YYYY-MM-DD') as day
      from generate_series(${addDays(today, -3)}::date, ${today}::date, interval '1 day') d
      where ((d::date + 1)::timestamp at time zone ${timeZone}) + make_interval(secs => ${Math.round(sessionPolicy().absoluteMs / 1000)}) <= ${now.toISOString()}::timestamptz`),
  );
  return row?.day ?? addDays(today, -4);
}

/** The organisation's first day with a session, in its time zone; null without sessions. */
async function firstSessionDay(db: Executor, organizationId: string, timeZone: string): Promise<string | null> {
  const [row] = rowsOf<{ day: string | null }>(
    await db.execute(sql`select to_char(min(${usageSessions.startedAt}) at time zone ${timeZone}, 'YYYY-MM-DD') as day
      from ${usageSessions} where ${usageSessions.organizationId} = ${organizationId}`),
  );
  return row?.day ?? null;
}

/**
 * Brings one organisation's usage_days up to its last closed day, in one transaction: the days after the last run
 * (all of them after a change of the organisation's time zone, which cuts days differently).
 */
export async function rollUpUsage(db: Database, organizationId: string, timeZone: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('atelier.usage_rollup'), hashtext(${organizationId}))`);
    const [state] = await tx.select().from(usageRollups).where(eq(usageRollups.organizationId, organizationId));
    const sameZone = state?.timeZone === timeZone;
    if (state && !sameZone) await tx.delete(usageDays).where(eq(usageDays.organizationId, organizationId));
    const through = await closedThrough(tx, timeZone, now);
    const from = sameZone ? addDays(state.rolledThrough, 1) : await firstSessionDay(tx, organizationId, timeZone);
    if (from !== null && from <= through) {
      await tx.delete(usageDays).where(and(eq(usageDays.organizationId, organizationId), gt(usageDays.day, addDays(from, -1))));
      await tx.execute(sql`
        insert into ${usageDays} (organization_id, user_id, day, sessions, session_seconds, active_seconds)
        select ${organizationId}, r.user_id, r.day, r.sessions, r.session_seconds, r.active_seconds
        from (${rawUsageDaysSql(organizationId, timeZone, { from, to: through })}) r`);
    }
    const rolledThrough = from !== null && from > through ? (state && sameZone ? state.rolledThrough : through) : through;
    await tx
      .insert(usageRollups)
      .values({ organizationId, timeZone, rolledThrough, updatedAt: now })
      .onConflictDoUpdate({ target: usageRollups.organizationId, set: { timeZone, rolledThrough, updatedAt: now } });
  });
}

/** Every 15 minutes: each organisation's closed days of usage into usage_days (docs/analytics.md). */
export const usageRollupJob: ScheduledJob = {
  name: "analytics.usage-rollup",
  everyMs: 15 * 60_000,
  async run(db, now) {
    const all = await db.select({ id: organizations.id, timeZone: organizations.timeZone }).from(organizations);
    for (const organization of all) await rollUpUsage(db, organization.id, organization.timeZone, now);
  },
};
