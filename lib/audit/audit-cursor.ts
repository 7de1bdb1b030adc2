import { isCursorInstant } from "@/lib/pagination/cursor-instant";
import { decodeCursorText, encodeCursorText, parseCursorJson } from "@/lib/pagination/cursor-text";

/** Where a page of the audit log ends: the last entry's instant (microseconds, UTC) and id, newest first. */
export interface AuditCursor {
  occurredAt: string;
  id: number;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeCursorText(JSON.stringify([cursor.occurredAt, cursor.id]));
}

/** The cursor a page answered, or null for any other text. */
export function decodeAuditCursor(text: string): AuditCursor | null {
  const payload = decodeCursorText(text);
  const parsed = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [occurredAt, id] = parsed as unknown[];
  if (typeof occurredAt !== "string" || !isCursorInstant(occurredAt)) return null;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) return null;
  return { occurredAt, id };
}
