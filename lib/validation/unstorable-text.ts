// PostgreSQL stores no NUL character in text or jsonb, and refuses a lone UTF-16 surrogate escaped in JSON: such
// input would fail at the database as a server error, so the gate refuses it first, naming the field.
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const unstorableTextMessage = "errors.unstorableText";

export function hasUnstorableText(text: string): boolean {
  return unstorable.test(text);
}

/**
 * The fields of an input (strings at any depth, and object keys) holding characters the database cannot store,
 * keyed by dotted path like zod's field errors; null when there are none.
 */
export function unstorableTextFields(input: unknown): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const visit = (value: unknown, path: string[], depth: number): void => {
    if (typeof value === "string") {
      if (hasUnstorableText(value)) fields[path.join(".") || "form"] = unstorableTextMessage;
    } else if (depth < 32 && value && typeof value === "object") {
      for (const [key, entry] of Object.entries(value)) {
        if (hasUnstorableText(key)) fields[path.join(".") || "form"] = unstorableTextMessage;
        else visit(entry, [...path, key], depth + 1);
      }
    }
  };
  visit(input, [], 0);
  return Object.keys(fields).length > 0 ? fields : null;
}
