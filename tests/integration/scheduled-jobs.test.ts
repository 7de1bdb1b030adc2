import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { jobState, runDueJobs } from "@/lib/jobs/run-due-jobs";
import type { ScheduledJob } from "@/lib/jobs/scheduled-job";

describe("scheduled jobs", () => {
  let db: Database;
  beforeAll(async () => {
    db = await getDb();
  });

  it("runs a due job once however many instances tick at the same moment, then not again before its interval", async () => {
    let runs = 0;
    const job: ScheduledJob = { name: `count-${Date.now()}`, everyMs: 60_000, run: async () => void runs++ };
    const now = new Date();
    const ticks = await Promise.all([runDueJobs(db, [job], now), runDueJobs(db, [job], now), runDueJobs(db, [job], now)]);
    expect(runs).toBe(1);
    expect(ticks.flat()).toEqual([job.name]);
    await runDueJobs(db, [job], new Date(now.getTime() + 30_000));
    expect(runs).toBe(1);
    await runDueJobs(db, [job], new Date(now.getTime() + 60_000));
    expect(runs).toBe(2);
  });

  it("records a failing job's error and still runs the jobs after it", async () => {
    const failing: ScheduledJob = { name: `fail-${Date.now()}`, everyMs: 1_000, run: () => Promise.reject(new Error("disk full")) };
    let ranAfter = false;
    const after: ScheduledJob = { name: `after-${Date.now()}`, everyMs: 1_000, run: async () => void (ranAfter = true) };
    const ran = await runDueJobs(db, [failing, after]);
    expect(ran).toEqual([after.name]);
    expect(ranAfter).toBe(true);
    expect((await jobState(db, failing.name))?.lastError).toBe("disk full");
  });
});
