import { pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * When each scheduled job may next run, deployment-wide: an instance claims a run by moving `next_run_at` forward
 * in one UPDATE, so with several instances each run happens once. Jobs loop over organisations themselves.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text().primaryKey(),
  nextRunAt: instant().notNull(),
  lastStartedAt: instant(),
  lastFinishedAt: instant(),
  lastError: text(),
});
