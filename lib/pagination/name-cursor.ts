import { hasUnstorableText } from "@/lib/validation/unstorable-text";
import { decodeCursorText, encodeCursorText, parseCursorJson } from "./cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/** A position in a list sorted by (name key, id): what follows it comes after both. */
export interface NameCursor {
  sortName: string;
  id: string;
}

/** Above every name the app takes (users 120 characters, sites and teams 100), lower-cased. */
export const maxSortNameLength = 300;

export function encodeNameCursor(cursor: NameCursor): string {
  return encodeCursorText(JSON.stringify([cursor.sortName, cursor.id]));
}

/**
 * The cursor, or null when it was not made by encodeNameCursor: its name key is compared in SQL, so one PostgreSQL
 * cannot take (a NUL, a broken surrogate) or an unbounded one is refused here.
 */
export function decodeNameCursor(text: string): NameCursor | null {
  const payload = decodeCursorText(text);
  const value = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [sortName, id] = value as unknown[];
  if (typeof sortName !== "string" || !isUuid(id)) return null;
  if (sortName.length > maxSortNameLength || hasUnstorableText(sortName)) return null;
  const cursor = { sortName, id };
  return encodeNameCursor(cursor) === text ? cursor : null;
}
