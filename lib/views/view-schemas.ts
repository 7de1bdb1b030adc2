import { z } from "zod";
import { objectTypes } from "@/db/schema/enums";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { viewFilterOps } from "./view-fields";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the saved-view services, the API and the admin forms (API.md: saved list views). */
export const viewIdSchema = z.uuid("This is not a view id.");

export const viewNameSchema = z.string("Give the view a name.").trim().min(1, "Give the view a name.").max(100, "Keep the name to 100 characters.");

const fieldSchema = z.string("Pick a field.").min(1, "Pick a field.").max(200, "This is not a field of this type.");

export const viewColumnsSchema = z.array(fieldSchema, "Send columns as a list of fields.").min(1, "Show at least one column.").max(40, "Keep to 40 columns.");

export const viewFilterSchema = z.strictObject({
  field: fieldSchema,
  op: z.enum(viewFilterOps, "Pick an operator: eq, neq, contains, in, gt, lt, empty or not_empty."),
  value: z.unknown().optional(),
});

export const viewFiltersSchema = z.array(viewFilterSchema, "Send filters as a list.").max(20, "Keep to 20 filters.");

export const viewSortSchema = z
  .array(z.strictObject({ field: fieldSchema, direction: z.enum(["asc", "desc"], "Sort asc or desc.") }), "Send sort as a list.")
  .max(3, "Sort by at most 3 fields.");

export const createViewSchema = z.strictObject({
  name: viewNameSchema,
  objectType: z.enum(objectTypes, "Pick an object type."),
  /** Shared with everyone (Admins only); personal otherwise. */
  shared: z.boolean("Send shared as true or false.").default(false),
  columns: viewColumnsSchema,
  filters: viewFiltersSchema.default([]),
  sort: viewSortSchema.default([]),
});
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z.strictObject({
  id: viewIdSchema,
  version: rowVersionSchema,
  name: viewNameSchema.optional(),
  shared: z.boolean("Send shared as true or false.").optional(),
  columns: viewColumnsSchema.optional(),
  filters: viewFiltersSchema.optional(),
  sort: viewSortSchema.optional(),
  // Accepted only to say clearly that it cannot change.
  objectType: z.enum(objectTypes, "Pick an object type.").optional(),
});
export type UpdateViewInput = z.input<typeof updateViewSchema>;

export const deleteViewSchema = z.strictObject({ id: viewIdSchema, version: rowVersionSchema.optional() });
export type DeleteViewInput = z.input<typeof deleteViewSchema>;

export const listViewsSchema = z.strictObject({
  objectType: z.enum(objectTypes, "Pick an object type.").optional(),
  /** Only the shared views (the admin panel), or only the caller's own. */
  shared: z.enum(["true", "false"]).optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export type ListViewsInput = z.input<typeof listViewsSchema>;
