import { inject } from "vitest";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

// Point the process-wide getDb() at this project's database before any test opens it.
const testDatabase = inject("testDatabase");
if (testDatabase) {
  process.env.DATABASE_URL = testDatabase.url;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}

// Secrets sealed by the services (lib/secrets/sealed-secret.ts) derive their key from it; without it they would read
// or create .data/auth-secret in the working tree.
process.env.AUTH_SECRET ??= "integration-tests-auth-secret-0123456789";

// Runs before every file, but the worker keeps its modules and globals (isolate: false): migrate once per worker.
// The PostgreSQL database was migrated once for the whole run by tests/setup/postgres-database.ts.
const worker = globalThis as typeof globalThis & { atelierTestDatabaseReady?: Promise<void> };
worker.atelierTestDatabaseReady ??= testDatabase ? Promise.resolve() : getDb().then(migrateDatabase);
await worker.atelierTestDatabaseReady;
