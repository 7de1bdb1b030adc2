/** A PostgreSQL error as both drivers surface it (drizzle wraps it in `cause`). */
interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  detail?: string;
}

function findPgError(error: unknown): PgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}

export interface UniqueViolation {
  constraint: string | null;
  detail: string | null;
}

/** The unique constraint a failed write broke, or null when the error is something else. */
export function asUniqueViolation(error: unknown): UniqueViolation | null {
  const pg = findPgError(error);
  if (pg?.code !== "23505") return null;
  return { constraint: pg.constraint ?? pg.constraint_name ?? null, detail: pg.detail ?? null };
}
