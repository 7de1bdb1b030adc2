/** One field of an audit entry's record, before and after; a side absent from the record is undefined. */
export interface AuditDiffRow {
  path: string;
  before?: string;
  after?: string;
  changed: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * A JSON record as field paths and readable values: nested objects by dotted path (`users.siteIds`), a list of plain
 * values as one comma-separated value, a list of records by index (`match.0.userPropertyId`).
 */
function flatten(value: unknown, path: string, into: Map<string, string>): void {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path) into.set(path, "{}");
    for (const [key, inner] of entries) flatten(inner, path ? `${path}.${key}` : key, into);
  } else if (Array.isArray(value) && value.some((item) => isPlainObject(item) || Array.isArray(item))) {
    value.forEach((item, index) => flatten(item, `${path}.${index}`, into));
  } else if (Array.isArray(value)) {
    into.set(path, value.length === 0 ? "[]" : value.map(scalarText).join(", "));
  } else if (value !== undefined) {
    into.set(path || "value", scalarText(value));
  }
}

/**
 * The before and after of an audit entry side by side, field by field, in the order the fields first appear; a field
 * present on one side only is a change (created, removed).
 */
export function auditDiff(before: unknown, after: unknown): AuditDiffRow[] {
  const was = new Map<string, string>();
  const is = new Map<string, string>();
  // A side recorded as null (a creation's before, a deletion's after) has no fields.
  if (before !== null) flatten(before, "", was);
  if (after !== null) flatten(after, "", is);
  const paths = [...new Set([...was.keys(), ...is.keys()])];
  return paths.map((path) => ({ path, before: was.get(path), after: is.get(path), changed: was.get(path) !== is.get(path) }));
}
