import "server-only";
import { driverName, migrationsFolder } from "./config";
import type { Database } from "./client";

/** Applies every pending migration of `db/migrations`, or of `folder` (idempotent; safe at every start). */
export async function migrateDatabase(db: Database, folder: string = migrationsFolder()): Promise<void> {
  const config = { migrationsFolder: folder };
  if (driverName() === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as Parameters<typeof migrate>[0], config);
  }
}
