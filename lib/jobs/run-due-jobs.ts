import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import type { ScheduledJob } from "./scheduled-job";

/**
 * Claims the job's next run: one UPDATE moves `next_run_at` past now only where it was due, so of several instances
 * ticking at once exactly one gets the row back.
 */
async function claimRun(db: Database, job: ScheduledJob, now: Date): Promise<boolean> {
  await db.insert(scheduledJobs).values({ name: job.name, nextRunAt: now }).onConflictDoNothing();
  const claimed = await db
    .update(scheduledJobs)
    .set({ nextRunAt: new Date(now.getTime() + job.everyMs), lastStartedAt: now })
    .where(and(eq(scheduledJobs.name, job.name), lte(scheduledJobs.nextRunAt, now)))
    .returning({ name: scheduledJobs.name });
  return claimed.length > 0;
}

/** Runs every job that is due and that this instance claims; a failing job is recorded and does not stop the others. */
export async function runDueJobs(db: Database, jobs: readonly ScheduledJob[], now = new Date()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    if (!(await claimRun(db, job, now))) continue;
    let lastError: string | null = null;
    try {
      await job.run(db, now);
      ran.push(job.name);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      console.error(`Scheduled job ${job.name} failed:`, error);
    }
    await db.update(scheduledJobs).set({ lastFinishedAt: sql`now()`, lastError }).where(eq(scheduledJobs.name, job.name));
  }
  return ran;
}

/** How the job's last run ended and when it may run next (for tests and operators). */
export async function jobState(db: Database, name: string): Promise<{ lastError: string | null; nextRunAt: Date } | null> {
  const [row] = await db
    .select({ lastError: scheduledJobs.lastError, nextRunAt: scheduledJobs.nextRunAt })
    .from(scheduledJobs)
    .where(eq(scheduledJobs.name, name));
  return row ?? null;
}
