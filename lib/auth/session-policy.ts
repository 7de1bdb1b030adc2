import { env } from "@/lib/env";

/** Session lifetimes: idle (SESSION_IDLE_MINUTES, default 30) and absolute (SESSION_MAX_HOURS, default 12). */
export function sessionPolicy() {
  return {
    idleMs: env().SESSION_IDLE_MINUTES * 60_000,
    absoluteMs: env().SESSION_MAX_HOURS * 3_600_000,
    /** Activity is written at most this often, so busy users don't write on every request. */
    activityWriteIntervalMs: 60_000,
  };
}
