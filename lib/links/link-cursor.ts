import { objectLinkKinds, type ObjectLinkKind } from "@/db/schema";
import { decodeCursorText, encodeCursorText, parseCursorJson } from "@/lib/pagination/cursor-text";
import { isUuid } from "@/lib/validation/uuid";

/**
 * A position in an object's links, sorted by (kind, the other object's reference, link id) so each kind's links come
 * together: opaque to clients, base64url of that triple as JSON.
 */
export interface LinkCursor {
  kind: ObjectLinkKind;
  reference: string;
  id: string;
}

/** What formatReference writes (`DOC-000123`, `MO-1000000`). */
const referencePattern = /^[A-Z]{2,3}-\d{6,10}$/;

export function encodeLinkCursor(cursor: LinkCursor): string {
  return encodeCursorText(JSON.stringify([cursor.kind, cursor.reference, cursor.id]));
}

/** The cursor, or null when encodeLinkCursor did not make it (its parts are compared in SQL). */
export function decodeLinkCursor(text: string): LinkCursor | null {
  const payload = decodeCursorText(text);
  const value = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [kind, reference, id] = value as unknown[];
  if (!objectLinkKinds.includes(kind as ObjectLinkKind) || !isUuid(id)) return null;
  if (typeof reference !== "string" || !referencePattern.test(reference)) return null;
  return { kind: kind as ObjectLinkKind, reference, id };
}
