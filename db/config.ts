import path from "node:path";

/** Where Atelier keeps its local state (embedded database, generated secret, demo mail). */
export function dataDir(): string {
  // Runtime-configured location: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.ATELIER_DATA_DIR ?? ".data");
}

/** The embedded database directory, or `memory://` for a throwaway in-memory database (tests). */
export function pgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(dataDir(), "pglite");
}

export type DriverName = "postgres" | "pglite";

export function driverName(): DriverName {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export function migrationsFolder(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.ATELIER_MIGRATIONS_DIR ?? "db/migrations");
}
