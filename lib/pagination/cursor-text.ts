import { z } from "zod";

export const invalidCursorMessage = "errors.invalidCursor";

/** Far above any cursor a list answers; a longer text is refused before anything decodes it. */
export const maxCursorLength = 4096;

/** `?cursor=` of every list (and the users list's `?before=`): the opaque `nextCursor` a page answered. */
export const cursorSchema = z.string(invalidCursorMessage).max(maxCursorLength, invalidCursorMessage);

// Opaque to clients: base64url, so they page on without knowing the sort key inside.
export function encodeCursorText(payload: string): string {
  return Buffer.from(payload, "utf8").toString("base64url");
}

/**
 * The payload of a cursor, or null unless the text is exactly what encodeCursorText makes of some UTF-8 text:
 * Buffer skips characters outside the base64url alphabet and ignores stray bits, so only a text that encodes back
 * to itself is taken.
 */
export function decodeCursorText(text: string): string | null {
  if (text.length > maxCursorLength) return null;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The JSON a cursor's payload holds, or undefined when it is not JSON. */
export function parseCursorJson(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}
