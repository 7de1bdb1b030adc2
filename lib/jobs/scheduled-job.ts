import type { Database } from "@/db/client";

/** Work the server does on its own every so often (pruning logs, sending digests, noticing due dates). */
export interface ScheduledJob {
  /** Unique and stable: the claim row in `scheduled_jobs` is keyed by it. */
  name: string;
  everyMs: number;
  run(db: Database, now: Date): Promise<void>;
}
