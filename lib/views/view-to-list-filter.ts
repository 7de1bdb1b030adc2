import type { ObjectType, ViewFilter, ViewSort } from "@/db/schema";
import type { ComparableValue } from "@/lib/authz/property-values";
import { isBuiltInViewField, propertyIdOfField, type BuiltInViewField } from "./view-fields";

/**
 * What a list reads or compares: a built-in column of `objects` (`owner` is `owner_id`, `originSite` is
 * `origin_site_id`, `scope` is `scope_kind`, `createdAt` / `updatedAt` the timestamps) or a custom property, read
 * from `objects.properties -> '<propertyId>'`.
 */
export type ListField = { source: "column"; column: BuiltInViewField } | { source: "property"; propertyId: string };

/**
 * One narrowing condition. Semantics the object lists implement (every condition must hold, AND):
 * - `eq` / `neq`: equal / not equal; `neq` also keeps objects with no value (SQL `IS DISTINCT FROM`).
 *   On text, case-insensitive.
 * - `contains`: on text, a case-insensitive substring; on multiple-choice and relation properties, the list holds the
 *   value (`properties @> {"<id>": [value]}`, the GIN index's containment).
 * - `in`: equals one of `values`; on multiple-choice and relation properties, holds at least one of them.
 * - `gt` / `lt`: strictly after / before (dates, `YYYY-MM-DD`, or instants; timestamps compare in the organisation's
 *   time zone when given a date) or above / below (numbers). A missing value never matches.
 * - `empty` / `not_empty`: the value is missing (or null) / present.
 * Values are already canonical (lib/authz/property-values.ts forms): option ids, numbers, `YYYY-MM-DD` dates,
 * booleans, user / site / object ids, scope kinds.
 */
export type ListCondition =
  | { field: ListField; op: "eq" | "neq" | "contains" | "gt" | "lt"; value: ComparableValue }
  | { field: ListField; op: "in"; values: ComparableValue[] }
  | { field: ListField; op: "empty" | "not_empty" };

export interface ListOrder {
  field: ListField;
  direction: "asc" | "desc";
  /** Missing property values sort last in both directions. */
  nulls: "last";
}

/**
 * The typed description of a saved view that lib/objects applies to a list. It only narrows: the list ANDs the
 * conditions with the visibility predicate (scope and rules), which it never drops or loosens, so a view can never
 * show an object its user may not see (SPEC §9). After `order`, lists keep their own tie-break (`created_at DESC,
 * id DESC`) so pages stay stable. `columns` are the fields to show, in order.
 */
export interface ObjectListFilter {
  objectType: ObjectType;
  columns: ListField[];
  conditions: ListCondition[];
  order: ListOrder[];
}

function listField(field: string): ListField | null {
  if (isBuiltInViewField(field)) return { source: "column", column: field };
  const propertyId = propertyIdOfField(field);
  return propertyId ? { source: "property", propertyId } : null;
}

function isComparable(value: unknown): value is ComparableValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function condition(filter: ViewFilter): ListCondition | null {
  const field = listField(filter.field);
  if (!field) return null;
  switch (filter.op) {
    case "empty":
    case "not_empty":
      return { field, op: filter.op };
    case "in": {
      const values = Array.isArray(filter.value) ? filter.value.filter(isComparable) : [];
      return values.length > 0 ? { field, op: "in", values } : null;
    }
    default:
      return isComparable(filter.value) ? { field, op: filter.op, value: filter.value } : null;
  }
}

/**
 * Turns a saved view into the filter description object lists apply (pure: no database). Views are validated when
 * saved, and deleting a property removes it from every view; anything that still does not read as a field or a value
 * (a hand-edited row) is left out rather than guessed at. Leaving a condition out only narrows less: it can never
 * show an object the visibility predicate hides.
 */
export function viewToListFilter(view: { objectType: ObjectType; columns: readonly string[]; filters: readonly ViewFilter[]; sort: readonly ViewSort[] }): ObjectListFilter {
  return {
    objectType: view.objectType,
    columns: view.columns.map(listField).filter((field): field is ListField => field !== null),
    conditions: view.filters.map(condition).filter((entry): entry is ListCondition => entry !== null),
    order: view.sort.flatMap((entry) => {
      const field = listField(entry.field);
      return field ? [{ field, direction: entry.direction === "desc" ? "desc" : "asc", nulls: "last" } satisfies ListOrder] : [];
    }),
  };
}
