import "server-only";
import { driverName, migrationsFolder } from "./config";
import type { Database } from "./client";

/** Applies every pending migration of `db/migrations` (idempotent; safe at every start). */
export async function migrateDatabase(db: Database): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (driverName() === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  }
}
