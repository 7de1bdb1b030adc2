import { sql, type SQL } from "drizzle-orm";
import { objects } from "@/db/schema";

/**
 * Keyset pagination of newest-first lists (created_at desc, id desc). The cursor is opaque to clients: base64url of
 * the last row's creation instant — at PostgreSQL's microsecond precision, which a JavaScript Date would round —
 * and its id.
 */
export interface ObjectCursor {
  createdAt: string;
  id: string;
}

/** The creation instant of a row as the cursor keeps it: UTC, microseconds. */
export const cursorInstantSql = sql<string>`to_char(${objects.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeObjectCursor(cursor: ObjectCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeObjectCursor(text: string): ObjectCursor | null {
  const [createdAt, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !createdAt || !id || !instantPattern.test(createdAt) || !uuidPattern.test(id)) return null;
  return { createdAt, id };
}

/** Rows after the cursor, in newest-first order; served by the (organisation, created_at desc, id desc) indexes. */
export function afterCursorSql(cursor: ObjectCursor): SQL {
  return sql`(${objects.createdAt}, ${objects.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}
