/**
 * Turns the flat values of an admin form (what `defineFormAction` parses, and echoes back) into the property
 * services' input. Options travel as `options.<index>.id` and `options.<index>.label`, so a field error such as
 * `options.2.label` lands beside its row.
 */
export function indexedRows(values: Record<string, unknown>, prefix: string): Record<string, string>[] {
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${prefix.replace(/[.]/g, "\\.")}\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(values)) {
    const match = pattern.exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    rows.set(index, { ...(rows.get(index) ?? {}), [match[2]!]: value });
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

function optionsOf(values: Record<string, unknown>): { id?: string; label: string }[] | undefined {
  if (values.hasOptions !== "1") return undefined;
  return indexedRows(values, "options").map((row) => (row.id ? { id: row.id, label: row.label ?? "" } : { label: row.label ?? "" }));
}

/** The create form: name, appliesTo, type, options (choice types), targetType (relations). */
export function propertyCreateFormInput(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  return {
    name: values.name,
    appliesTo: values.appliesTo,
    type: values.type,
    options: optionsOf(values),
    targetType: values.type === "relation" ? values.targetType || undefined : undefined,
  };
}

/** The edit form: id, version, name, options (choice types). */
export function propertyUpdateFormInput(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const values = raw as Record<string, unknown>;
  return { id: values.id, version: values.version, name: values.name, options: optionsOf(values) };
}
