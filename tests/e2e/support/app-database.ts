import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../../db/schema";
import { postgresAppDatabaseUrl } from "./e2e-env";

/**
 * A connection of the test process's own to the "postgres" app's database: another process than the app, as an
 * admin panel on another instance or an operator would be. For arranging data and checking what the app wrote.
 */
export function openAppDatabase() {
  const client = postgres(postgresAppDatabaseUrl(), { max: 1, onnotice: () => {} });
  const db = drizzle({ client, schema, casing: "snake_case" });
  return { db, schema, close: () => client.end({ timeout: 5 }) };
}

export type AppDatabase = ReturnType<typeof openAppDatabase>;
