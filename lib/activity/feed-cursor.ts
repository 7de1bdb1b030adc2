import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { isCursorInstant } from "@/lib/pagination/cursor-instant";
import { decodeCursorText, encodeCursorText } from "@/lib/pagination/cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/**
 * A position in an object's feed, newest first: the instant (UTC, microseconds) and id of the last item a page
 * answered. Comments and events share it — ids are unique across both — so one cursor pages through the merge.
 */
export interface FeedCursor {
  at: string;
  id: string;
}

export function encodeFeedCursor(cursor: FeedCursor): string {
  return encodeCursorText(`feed|${cursor.at}|${cursor.id}`);
}

/** The cursor a client sent back, or null when it is not one a feed page answered. */
export function decodeFeedCursor(text: string): FeedCursor | null {
  const [tag, at, id, ...rest] = decodeCursorText(text)?.split("|") ?? [];
  if (tag !== "feed" || rest.length > 0 || !at || !id || !isCursorInstant(at) || !isUuid(id)) return null;
  return { at, id };
}

/** Rows older than the cursor in (instant desc, id desc) order. */
export function olderThanSql(cursor: FeedCursor, instant: AnyColumn, id: AnyColumn): SQL {
  return sql`(${instant}, ${id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
}

/** Newest first, ties by id: the order the cursor follows. */
export function isNewerThan(a: FeedCursor, b: FeedCursor): boolean {
  return a.at === b.at ? a.id > b.id : a.at > b.at;
}
