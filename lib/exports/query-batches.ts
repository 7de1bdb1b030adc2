import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { rowsOf, type Database } from "@/db/client";

/**
 * Rows read this many at a time: a batch is one CSV chunk of the answer. Small enough that a batch and its CSV die
 * young (a scavenge, not a full collection, reclaims them), large enough that a round trip serves many rows.
 */
export const exportBatchSize = 200;

/**
 * A statement whose rows come in the order of a unique key, written once for both ways of reading it: whole (`after`
 * and `limit` null: one statement read through a cursor) or one page after a key (`limit` rows with a key above
 * `after`, in the same order).
 */
export interface KeyedQuery<Row, Key> {
  select(page: { after: Key | null; limit: number | null }): SQL;
  keyOf(row: Row): Key;
}

interface PostgresCursorClient {
  unsafe(text: string, params: unknown[]): { cursor(rows: number): AsyncIterable<unknown[]> };
}

/** The postgres.js client under a database opened by db/client.ts, or null on PGlite. */
function postgresClientOf(db: Database): PostgresCursorClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && "unsafe" in client ? (client as unknown as PostgresCursorClient) : null;
}

// The same casing as the app's drizzle instances, so a statement renders here exactly as db.execute would send it.
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * The rows of a keyed statement in batches, holding one batch in memory at a time whatever the total. On PostgreSQL
 * one statement read through a postgres.js cursor (a portal fetched `exportBatchSize` rows at a time on one reserved
 * connection); on PGlite, which has no cursor, one keyset-paged statement per batch. Ending the iteration early
 * (`return()`, as a cancelled download does) closes the cursor and gives its connection back.
 */
export async function* keyedBatches<Row, Key>(db: Database, query: KeyedQuery<Row, Key>): AsyncGenerator<Row[]> {
  const client = postgresClientOf(db);
  if (client) {
    const { sql: text, params } = dialect.sqlToQuery(query.select({ after: null, limit: null }));
    for await (const rows of client.unsafe(text, params).cursor(exportBatchSize)) yield rows as Row[];
    return;
  }
  let after: Key | null = null;
  for (;;) {
    const rows = rowsOf<Row>(await db.execute(query.select({ after, limit: exportBatchSize })));
    if (rows.length > 0) yield rows;
    if (rows.length < exportBatchSize) return;
    after = query.keyOf(rows.at(-1)!);
  }
}
