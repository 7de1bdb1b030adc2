import "server-only";
import { lt, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { integrationLog, integrationRateWindows } from "@/db/schema";
import { env } from "@/lib/env";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";

const dayMs = 86_400_000;

/**
 * Deletes integration log entries older than INTEGRATION_LOG_RETENTION_DAYS, and rate-limit windows older than an
 * hour (only the current minute's is ever read). Returns how many log entries went.
 */
export async function pruneIntegrationLog(db: Executor, now = new Date(), retentionDays = env().INTEGRATION_LOG_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * dayMs).toISOString();
  // Counted in SQL: a first prune after lowering the retention may delete millions of rows.
  const [deleted] = rowsOf<{ n: number }>(
    await db.execute(sql`with gone as (delete from ${integrationLog} where ${integrationLog.occurredAt} < ${cutoff}::timestamptz returning 1) select count(*)::int as n from gone`),
  );
  await db.delete(integrationRateWindows).where(lt(integrationRateWindows.windowStart, new Date(now.getTime() - 3_600_000)));
  return deleted?.n ?? 0;
}

/** Runs the pruning once an hour, deployment-wide (lib/jobs). */
export const pruneIntegrationLogJob: ScheduledJob = {
  name: "integration-log.prune",
  everyMs: 3_600_000,
  run: async (db, now) => {
    await pruneIntegrationLog(db, now);
  },
};
