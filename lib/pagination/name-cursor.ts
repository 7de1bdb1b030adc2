/** A position in a list sorted by (name key, id): what follows it comes after both. */
export interface NameCursor {
  sortName: string;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invalidCursorMessage = "This cursor is not valid: start again from the first page.";

// Opaque to clients: base64url of the row's sort key, so they page on without knowing the order.
export function encodeNameCursor(cursor: NameCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortName, cursor.id]), "utf8").toString("base64url");
}

/** The cursor, or null when it was not made by encodeNameCursor. */
export function decodeNameCursor(text: string): NameCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [sortName, id] = value as unknown[];
    if (typeof sortName !== "string" || typeof id !== "string" || !uuidPattern.test(id)) return null;
    return { sortName, id };
  } catch {
    return null;
  }
}
