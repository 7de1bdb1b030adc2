import type { PropertyTarget, PropertyType } from "@/db/schema/enums";
import type { ViewFilter } from "@/db/schema/access";

/**
 * The fields a saved view can show, filter and sort by: the built-in columns every object has, and the custom
 * properties of its type as `properties.<propertyId>` (by id, so a rename never breaks a view).
 */
export const builtInViewFields = ["reference", "title", "owner", "originSite", "scope", "createdAt", "updatedAt"] as const;
export type BuiltInViewField = (typeof builtInViewFields)[number];

export const viewFilterOps = ["eq", "neq", "contains", "in", "gt", "lt", "empty", "not_empty"] as const satisfies readonly ViewFilter["op"][];
export type ViewFilterOp = (typeof viewFilterOps)[number];

/** What kind of value a field holds, which decides its operators and how its filter values are written. */
export type ViewFieldKind =
  | "text"
  | "number"
  | "date"
  | "instant"
  | "boolean"
  | "single_choice"
  | "multi_choice"
  | "relation"
  | "user"
  | "site"
  | "scope";

export const builtInViewFieldKinds: Record<BuiltInViewField, ViewFieldKind> = {
  reference: "text",
  title: "text",
  owner: "user",
  originSite: "site",
  scope: "scope",
  createdAt: "instant",
  updatedAt: "instant",
};

/** The operators each kind of field takes. Built-in columns that are never empty do not offer empty / not empty. */
export const viewFieldOps: Record<ViewFieldKind, readonly ViewFilterOp[]> = {
  text: ["eq", "neq", "contains", "in", "empty", "not_empty"],
  number: ["eq", "neq", "gt", "lt", "in", "empty", "not_empty"],
  date: ["eq", "neq", "gt", "lt", "empty", "not_empty"],
  instant: ["gt", "lt"],
  boolean: ["eq", "neq", "empty", "not_empty"],
  single_choice: ["eq", "neq", "in", "empty", "not_empty"],
  multi_choice: ["contains", "in", "empty", "not_empty"],
  relation: ["contains", "in", "empty", "not_empty"],
  user: ["eq", "neq", "in"],
  site: ["eq", "neq", "in", "empty", "not_empty"],
  scope: ["eq", "neq", "in"],
};

export function opsForField(kind: ViewFieldKind, builtIn: boolean): readonly ViewFilterOp[] {
  const ops = viewFieldOps[kind];
  return builtIn && kind === "text" ? ops.filter((op) => op !== "empty" && op !== "not_empty") : ops;
}

/** Kinds whose values are lists: they cannot be sorted by. */
export const unsortableKinds: readonly ViewFieldKind[] = ["multi_choice", "relation"];

export const propertyFieldPrefix = "properties.";

export function propertyField(propertyId: string): string {
  return `${propertyFieldPrefix}${propertyId}`;
}

/** The property id a field names, or null for a built-in column. */
export function propertyIdOfField(field: string): string | null {
  return field.startsWith(propertyFieldPrefix) ? field.slice(propertyFieldPrefix.length) : null;
}

export function isBuiltInViewField(field: string): field is BuiltInViewField {
  return (builtInViewFields as readonly string[]).includes(field);
}

/**
 * A field a form can offer, with what its filter value input needs. Built-in columns and fixed values (scope kinds,
 * yes / no) are labelled by their id here: the page names them in the reader's language.
 */
export interface ViewFieldChoice {
  field: string;
  label: string;
  kind: ViewFieldKind;
  ops: readonly ViewFilterOp[];
  sortable: boolean;
  /** Choice properties: their options. Owner, origin site, user relations and scope: the values to pick from. */
  choices?: { id: string; label: string }[];
  /** Relations: what they point at. */
  targetType?: PropertyTarget;
}

export function propertyKind(type: PropertyType): ViewFieldKind {
  return type;
}
