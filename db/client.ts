import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { driverName, pgliteDir, plannerSettings } from "./config";
import { acquirePgliteLock, releasePgliteLock } from "./pglite-lock";
import { env } from "@/lib/env";

export type Schema = typeof schema;
/** The one database type every layer above `db/` sees, whichever driver runs underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Service functions accept either the database or an open transaction. */
export type Executor = Database | Transaction;

interface DbHandle {
  db: Database;
  close: () => Promise<void>;
  /** Calls `onPayload` for every NOTIFY on the channel, from any connection or instance, until the handle closes. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<void>;
}

// One handle per process: opening the same PGlite directory twice corrupts it, and
// Next's dev server re-evaluates modules, so the handle lives on globalThis.
const globalForDb = globalThis as unknown as { atelierDb?: Promise<DbHandle> };

async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max: env().DATABASE_POOL_SIZE,
    onnotice: () => {},
    connection: plannerSettings,
  });
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    close: () => client.end({ timeout: 5 }),
    // postgres.js keeps one dedicated connection for LISTEN and re-listens after a reconnect.
    listen: async (channel, onPayload) => void (await client.listen(channel, onPayload)),
  };
}

async function openPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) {
    // PGlite creates its directory non-recursively.
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    acquirePgliteLock(dir);
  }
  const client = new PGlite(dir, { extensions: { pg_trgm } });
  try {
    await client.waitReady;
    for (const [name, value] of Object.entries(plannerSettings)) await client.query(`set ${name} = ${value}`);
  } catch (error) {
    if (!inMemory) releasePgliteLock(dir);
    throw error;
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    close: async () => {
      await client.close();
      if (!inMemory) releasePgliteLock(dir);
    },
    listen: async (channel, onPayload) => void (await client.listen(channel, onPayload)),
  };
}

function open(): Promise<DbHandle> {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDir());
}

/** The process-wide database, opened on first use (never at build time). */
export async function getDb(): Promise<Database> {
  globalForDb.atelierDb ??= open().catch((error: unknown) => {
    globalForDb.atelierDb = undefined;
    throw error;
  });
  return (await globalForDb.atelierDb).db;
}

/** Subscribes to a NOTIFY channel of the process-wide database (every instance hears every instance's NOTIFY). */
export async function listenToChannel(channel: string, onPayload: (payload: string) => void): Promise<void> {
  await getDb();
  await (await globalForDb.atelierDb!).listen(channel, onPayload);
}

/** Closes the process-wide database; a later `getDb()` opens it again. */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.atelierDb;
  globalForDb.atelierDb = undefined;
  if (handle) await (await handle).close();
}

export { driverName };

/** Rows of a raw `db.execute(sql…)`, whose result shape differs between the two drivers. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
