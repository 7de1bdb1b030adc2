function minutesFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Session lifetimes: idle (SESSION_IDLE_MINUTES, default 30) and absolute (SESSION_MAX_HOURS, default 12). */
export function sessionPolicy() {
  return {
    idleMs: minutesFromEnv("SESSION_IDLE_MINUTES", 30) * 60_000,
    absoluteMs: minutesFromEnv("SESSION_MAX_HOURS", 12) * 3_600_000,
    /** Activity is written at most this often, so busy users don't write on every request. */
    activityWriteIntervalMs: 60_000,
  };
}
