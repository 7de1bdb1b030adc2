import { z } from "zod";
import { objectTypes } from "@/db/schema/enums";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { viewFilterOps } from "./view-fields";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the saved-view services, the API and the admin forms (API.md: saved list views). */
export const viewIdSchema = z.uuid("adminViews.errors.idInvalid");

export const viewNameSchema = z.string("adminViews.errors.nameRequired").trim().min(1, "adminViews.errors.nameRequired").max(100, "adminViews.errors.nameTooLong");

const fieldSchema = z.string("adminViews.errors.fieldRequired").min(1, "adminViews.errors.fieldRequired").max(200, "adminViews.errors.fieldUnknown");

export const viewColumnsSchema = z.array(fieldSchema, "adminViews.errors.columnsNotList").min(1, "adminViews.errors.columnsRequired").max(40, "adminViews.errors.columnsTooMany");

export const viewFilterSchema = z.strictObject({
  field: fieldSchema,
  op: z.enum(viewFilterOps, "adminViews.errors.opInvalid"),
  value: z.unknown().optional(),
});

export const viewFiltersSchema = z.array(viewFilterSchema, "adminViews.errors.filtersNotList").max(20, "adminViews.errors.filtersTooMany");

export const viewSortSchema = z
  .array(z.strictObject({ field: fieldSchema, direction: z.enum(["asc", "desc"], "adminViews.errors.sortDirectionInvalid") }), "adminViews.errors.sortNotList")
  .max(3, "adminViews.errors.sortTooMany");

export const createViewSchema = z.strictObject({
  name: viewNameSchema,
  objectType: z.enum(objectTypes, "adminViews.errors.objectTypeInvalid"),
  /** Shared with everyone (Admins only); personal otherwise. */
  shared: z.boolean("adminViews.errors.sharedNotBoolean").default(false),
  columns: viewColumnsSchema,
  filters: viewFiltersSchema.default([]),
  sort: viewSortSchema.default([]),
});
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z.strictObject({
  id: viewIdSchema,
  version: rowVersionSchema,
  name: viewNameSchema.optional(),
  shared: z.boolean("adminViews.errors.sharedNotBoolean").optional(),
  columns: viewColumnsSchema.optional(),
  filters: viewFiltersSchema.optional(),
  sort: viewSortSchema.optional(),
  // Accepted only to say clearly that it cannot change.
  objectType: z.enum(objectTypes, "adminViews.errors.objectTypeInvalid").optional(),
});
export type UpdateViewInput = z.input<typeof updateViewSchema>;

export const deleteViewSchema = z.strictObject({ id: viewIdSchema, version: rowVersionSchema.optional() });
export type DeleteViewInput = z.input<typeof deleteViewSchema>;

export const listViewsSchema = z.strictObject({
  objectType: z.enum(objectTypes, "adminViews.errors.objectTypeInvalid").optional(),
  /** Only the shared views (the admin panel), or only the caller's own. */
  shared: z.enum(["true", "false"]).optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export type ListViewsInput = z.input<typeof listViewsSchema>;
