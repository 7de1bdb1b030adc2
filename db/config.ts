import path from "node:path";
import { env } from "@/lib/env";

/** Where Atelier keeps its local state (embedded database, generated secret, demo mail). */
export function dataDir(): string {
  // Runtime-configured location: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ env().ATELIER_DATA_DIR);
}

/** The embedded database directory, or `memory://` for a throwaway in-memory database (tests). */
export function pgliteDir(): string {
  return env().PGLITE_DIR ?? path.join(dataDir(), "pglite");
}

export type DriverName = "postgres" | "pglite";

export function driverName(): DriverName {
  return env().DATABASE_URL ? "postgres" : "pglite";
}

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().ATELIER_MIGRATIONS_DIR);
}

/**
 * Planner settings for every connection Atelier opens. PostgreSQL's default random_page_cost (4) prices a random page
 * read as on a spinning disk; Atelier's working set is in memory or on SSD. With 4, the planner ANDed a 400,000-entry
 * type index into a narrow user's bitmap of 4,000 documents (a count in 20 ms instead of 5); at 1.5 and below it reads
 * a broad user's 340,000 documents through an index instead of a parallel scan (200 ms instead of 160). 2 gives the
 * better plan to both (docs/authorization.md §4.2).
 */
export const plannerSettings = { random_page_cost: 2 } as const;
