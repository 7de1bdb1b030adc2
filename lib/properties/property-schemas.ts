import { z } from "zod";
import { propertyTargets, propertyTypes } from "@/db/schema/enums";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the property services, the API and the admin forms (API.md: property definitions). */
export const propertyIdSchema = z.uuid("adminProperties.errors.idInvalid");

export const propertyNameSchema = z
  .string("adminProperties.errors.nameRequired")
  .trim()
  .min(1, "adminProperties.errors.nameRequired")
  .max(100, "adminProperties.errors.nameTooLong");

export const optionLabelSchema = z
  .string("adminProperties.errors.optionLabelRequired")
  .trim()
  .min(1, "adminProperties.errors.optionLabelRequired")
  .max(100, "adminProperties.errors.optionLabelTooLong");

export const propertyTargetSchema = z.enum(propertyTargets, "adminProperties.errors.targetInvalid");
export const propertyTypeSchema = z.enum(propertyTypes, "adminProperties.errors.typeInvalid");

/** The row version the editor read: edits state it, so a stale edit is refused (SPEC §9). */
export const rowVersionSchema = z.coerce
  .number("adminProperties.errors.versionRequired")
  .int("adminProperties.errors.versionRequired")
  .positive("adminProperties.errors.versionRequired");

export const createPropertySchema = z.strictObject({
  name: propertyNameSchema,
  appliesTo: propertyTargetSchema,
  type: propertyTypeSchema,
  /** Choice properties: their options, in display order. */
  options: z.array(z.strictObject({ label: optionLabelSchema }), "adminProperties.errors.optionsNotList").max(200, "adminProperties.errors.optionsTooMany").optional(),
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
    .array(z.strictObject({ id: z.uuid("adminProperties.errors.optionIdInvalid").optional(), label: optionLabelSchema }), "adminProperties.errors.optionsNotList")
    .max(200, "adminProperties.errors.optionsTooMany")
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
