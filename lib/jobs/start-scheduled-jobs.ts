import "server-only";
import { getDb } from "@/db/client";
import { jobsToSchedule } from "./jobs-to-schedule";
import { runDueJobs } from "./run-due-jobs";

const tickMs = 60_000;

/**
 * Ticks once a minute on every instance; the claim in `scheduled_jobs` makes each run happen once deployment-wide.
 * The timer never keeps the process alive on its own.
 */
export function startScheduledJobs(): void {
  if (jobsToSchedule.length === 0) return;
  const tick = () => {
    void getDb()
      .then((db) => runDueJobs(db, jobsToSchedule))
      .catch((error: unknown) => console.error("Scheduled jobs could not run:", error));
  };
  setTimeout(tick, 5_000).unref();
  setInterval(tick, tickMs).unref();
}
