import { sql, type SQL } from "drizzle-orm";
import { objects } from "@/db/schema";
import { isCursorInstant, utcInstantSql } from "@/lib/pagination/cursor-instant";
import { decodeCursorText, encodeCursorText } from "@/lib/pagination/cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/**
 * Keyset pagination of newest-first lists (created_at desc, id desc). The cursor is opaque to clients: base64url of
 * the last row's creation instant (UTC, microseconds) and its id.
 */
export interface ObjectCursor {
  createdAt: string;
  id: string;
}

/** The creation instant of a row as the cursor keeps it. */
export const cursorInstantSql = utcInstantSql(objects.createdAt);

export function encodeObjectCursor(cursor: ObjectCursor): string {
  return encodeCursorText(`${cursor.createdAt}|${cursor.id}`);
}

/** The cursor a client sent back, or null when it is not one of ours (its instant must be a real one). */
export function decodeObjectCursor(text: string): ObjectCursor | null {
  const [createdAt, id, ...rest] = decodeCursorText(text)?.split("|") ?? [];
  if (rest.length > 0 || !createdAt || !id || !isCursorInstant(createdAt) || !isUuid(id)) return null;
  return { createdAt, id };
}

/** Rows after the cursor, in newest-first order; served by the (organisation, created_at desc, id desc) indexes. */
export function afterCursorSql(cursor: ObjectCursor): SQL {
  return sql`(${objects.createdAt}, ${objects.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
}
