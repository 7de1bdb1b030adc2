import type { PropertyType } from "@/db/schema";

/** A value a rule compares with: JSON scalars only (choice option ids, related ids, text, numbers, dates, booleans). */
export type ComparableValue = string | number | boolean;

/** Multiple choice and relation values are arrays, and a condition on them means "contains" (SPEC §9). */
export function isMultiValued(type: PropertyType): boolean {
  return type === "multi_choice" || type === "relation";
}

/**
 * The canonical form of a value named in a rule, or undefined when it can never match a stored value of this type:
 * dates compare as calendar dates (YYYY-MM-DD), numbers as numbers, everything else as exact JSON scalars.
 */
export function canonicalCandidate(type: PropertyType, value: unknown): ComparableValue | undefined {
  switch (type) {
    case "number": {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      return typeof number === "number" && Number.isFinite(number) ? number : undefined;
    }
    case "boolean":
      return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
    default:
      return typeof value === "string" ? value : undefined;
  }
}

export function canonicalCandidates(type: PropertyType, values: readonly unknown[]): ComparableValue[] {
  const canonical = new Set<ComparableValue>();
  for (const value of values) {
    const candidate = canonicalCandidate(type, value);
    if (candidate !== undefined) canonical.add(candidate);
  }
  return [...canonical];
}

/**
 * Whether a stored value matches any candidate — exactly what the SQL containment test
 * `properties @> {"<id>": candidate}` (or `{"<id>": [candidate]}` for multi-valued types) answers, so the
 * in-memory decision and the SQL predicate cannot disagree. A missing value never matches.
 */
export function storedValueMatches(multiValued: boolean, stored: unknown, candidates: readonly ComparableValue[]): boolean {
  if (stored === undefined || stored === null) return false;
  if (multiValued) {
    if (!Array.isArray(stored)) return false;
    return candidates.some((candidate) => stored.some((element) => element === candidate));
  }
  if (typeof stored === "object") return false;
  return candidates.some((candidate) => stored === candidate);
}
