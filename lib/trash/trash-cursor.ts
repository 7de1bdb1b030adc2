import { sql, type SQL } from "drizzle-orm";
import { objects } from "@/db/schema";
import { isCursorInstant, utcInstantSql } from "@/lib/pagination/cursor-instant";
import { decodeCursorText, encodeCursorText } from "@/lib/pagination/cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/** A position in the trash, newest trashed first: the last row's trash instant (UTC, microseconds) and id, opaque. */
export interface TrashCursor {
  trashedAt: string;
  id: string;
}

/** The trash instant of a row as the cursor keeps it. */
export const trashCursorInstantSql = utcInstantSql(objects.trashedAt);

export function encodeTrashCursor(cursor: TrashCursor): string {
  return encodeCursorText(`${cursor.trashedAt}|${cursor.id}`);
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeTrashCursor(text: string): TrashCursor | null {
  const [trashedAt, id, ...rest] = decodeCursorText(text)?.split("|") ?? [];
  if (rest.length > 0 || !trashedAt || !id || !isCursorInstant(trashedAt) || !isUuid(id)) return null;
  return { trashedAt, id };
}

/** Rows after the cursor, newest trashed first. */
export function afterTrashCursorSql(cursor: TrashCursor): SQL {
  return sql`(${objects.trashedAt}, ${objects.id}) < (${cursor.trashedAt}::timestamptz, ${cursor.id}::uuid)`;
}
