// The benchmark's own PostgreSQL database: one per scale, so the 1 % smoke run never touches the full data set.
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Database } from "@/db/client";
import { migrationsFolder, plannerSettings } from "@/db/config";
import * as schema from "@/db/schema";

export const defaultBenchDatabaseUrl = "postgres://postgres@127.0.0.1:5432/atelier_bench";

/** `atelier_bench` at scale 1 → `atelier_bench_s1`; at 0.01 → `atelier_bench_s0_01`. */
export function benchDatabaseUrl(scale: number, baseUrl = process.env.BENCH_DATABASE_URL ?? defaultBenchDatabaseUrl): string {
  const url = new URL(baseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "atelier_bench";
  const suffix = String(scale).replace(/[^0-9]/g, "_");
  const name = `${base}_s${suffix}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unexpected benchmark database name "${name}"`);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

function maintenanceUrl(url: string): string {
  const next = new URL(url);
  next.pathname = "/postgres";
  return next.toString();
}

async function onMaintenance<T>(url: string, run: (client: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(maintenanceUrl(url), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await run(client);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Runs `work` while holding a session advisory lock named after the database (on the maintenance database), so two
 * runs at once — a developer's and CI's smoke run — never seed or drop the same database together: the second waits,
 * then finds the first one's seed and reuses it.
 */
export async function withSeedLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = postgres(maintenanceUrl(url), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const key = `atelier_bench_seed:${databaseName(url)}`;
  try {
    await client`select pg_advisory_lock(hashtext(${key}))`;
    return await work();
  } finally {
    await client`select pg_advisory_unlock(hashtext(${key}))`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/** Creates the database when it is missing; true when it was created now. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onMaintenance(url, async (client) => {
    const [row] = await client<{ exists: boolean }[]>`select exists (select 1 from pg_database where datname = ${name}) as exists`;
    if (row?.exists) return false;
    await client.unsafe(`create database "${name}"`);
    return true;
  });
}

/** Drops and recreates the database (`--reseed`, or a seed that never finished). */
export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenance(url, async (client) => {
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.unsafe(`create database "${name}"`);
  });
}

/** Records the SQL drizzle sends while `on`, so the benchmark can EXPLAIN exactly what a service ran. */
export interface QueryRecorder {
  on: boolean;
  queries: { sql: string; params: unknown[] }[];
}

export interface BenchHandle {
  /** Drizzle over postgres-js, configured like the app's client (`casing: "snake_case"`, the full schema). */
  db: Database;
  recorder: QueryRecorder;
  /** The same connection pool, for raw SQL (seeding, EXPLAIN). */
  client: postgres.Sql;
  close(): Promise<void>;
}

/**
 * Opens the database with the app's drizzle configuration. One connection: every timed query runs on it, one after
 * the other, as one request would.
 */
export function openBenchDatabase(url: string, max = 1): BenchHandle {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10, connection: plannerSettings });
  const recorder: QueryRecorder = { on: false, queries: [] };
  const logger = {
    logQuery(sql: string, params: unknown[]) {
      if (recorder.on) recorder.queries.push({ sql, params });
    },
  };
  const db = drizzle({ client, schema, casing: "snake_case", logger }) as unknown as Database;
  return { db, client, recorder, close: () => client.end({ timeout: 5 }) };
}

/** Applies db/migrations with the postgres-js migrator (idempotent). */
export async function migrateBenchDatabase(handle: BenchHandle): Promise<void> {
  await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: migrationsFolder() });
}
