import "server-only";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";

// Bounded statements keep PostgreSQL's bind-parameter limit and PGlite's memory in check.
const chunkSize = 500;

export async function insertInChunks<T extends PgTable>(tx: Executor, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await tx.insert(table).values(rows.slice(start, start + chunkSize));
  }
}
