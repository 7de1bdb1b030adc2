import { z } from "zod";
import { propertyTargets, propertyTypes } from "@/db/schema/enums";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the property services, the API and the admin forms (API.md: property definitions). */
export const propertyIdSchema = z.uuid("This is not a property id.");

export const propertyNameSchema = z
  .string("Give the property a name.")
  .trim()
  .min(1, "Give the property a name.")
  .max(100, "Keep the name to 100 characters.");

export const optionLabelSchema = z
  .string("Give the option a label.")
  .trim()
  .min(1, "Give the option a label.")
  .max(100, "Keep the label to 100 characters.");

export const propertyTargetSchema = z.enum(propertyTargets, "Pick users or an object type.");
export const propertyTypeSchema = z.enum(propertyTypes, "Pick a type.");

/** The row version the editor read: edits state it, so a stale edit is refused (SPEC §9). */
export const rowVersionSchema = z.coerce
  .number("Send the version you read.")
  .int("Send the version you read.")
  .positive("Send the version you read.");

export const createPropertySchema = z.strictObject({
  name: propertyNameSchema,
  appliesTo: propertyTargetSchema,
  type: propertyTypeSchema,
  /** Choice properties: their options, in display order. */
  options: z.array(z.strictObject({ label: optionLabelSchema }), "Send options as a list.").max(200, "Keep to 200 options.").optional(),
  /** Relation properties: what they point at (users or one object type). */
  targetType: propertyTargetSchema.nullish(),
});
export type CreatePropertyInput = z.input<typeof createPropertySchema>;

export const updatePropertySchema = z.strictObject({
  id: propertyIdSchema,
  version: rowVersionSchema,
  name: propertyNameSchema.optional(),
  /**
   * The complete option list, in display order: an entry with an id keeps (and may relabel) that option, one
   * without adds an option, an existing option left out is removed.
   */
  options: z
    .array(z.strictObject({ id: z.uuid("This is not an option id.").optional(), label: optionLabelSchema }), "Send options as a list.")
    .max(200, "Keep to 200 options.")
    .optional(),
  // Accepted only to say clearly that they cannot change.
  type: propertyTypeSchema.optional(),
  appliesTo: propertyTargetSchema.optional(),
  targetType: propertyTargetSchema.nullish(),
});
export type UpdatePropertyInput = z.input<typeof updatePropertySchema>;

export const deletePropertySchema = z.strictObject({
  id: propertyIdSchema,
  /** The version the caller read; a delete made from stale data is refused. Optional for API callers. */
  version: rowVersionSchema.optional(),
});
export type DeletePropertyInput = z.input<typeof deletePropertySchema>;

export const listPropertiesSchema = z.strictObject({
  appliesTo: propertyTargetSchema.optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export type ListPropertiesInput = z.input<typeof listPropertiesSchema>;
