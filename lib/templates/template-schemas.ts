import { z } from "zod";
import { defaultScopeKinds, objectTypes } from "@/db/schema/enums";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the template services, the API and the admin forms (API.md: object templates). */
export const templateIdSchema = z.uuid("adminTemplates.errors.idInvalid");

export const templateNameSchema = z
  .string("adminTemplates.errors.nameRequired")
  .trim()
  .min(1, "adminTemplates.errors.nameRequired")
  .max(100, "adminTemplates.errors.nameTooLong");

export const defaultScopeSchema = z.strictObject(
  {
    kind: z.enum(defaultScopeKinds, "adminTemplates.errors.scopeKindInvalid"),
    /** The fixed sites, for kind `sites` only. */
    siteIds: z.array(z.uuid("adminTemplates.errors.siteIdInvalid"), "adminTemplates.errors.siteIdsNotList").max(500, "adminTemplates.errors.siteIdsTooMany").optional(),
  },
  "adminTemplates.errors.scopeInvalid",
);
export type DefaultScopeInput = z.input<typeof defaultScopeSchema>;

export const updateTemplateSchema = z.strictObject({
  id: templateIdSchema,
  version: rowVersionSchema,
  name: templateNameSchema.optional(),
  defaultScope: defaultScopeSchema.optional(),
  /** Default values by property id, merged over the current ones: null (or empty text, an empty list) clears one. */
  defaultProperties: z.record(z.string(), z.unknown(), "adminTemplates.errors.defaultPropertiesNotObject").optional(),
  // Accepted only to say clearly that it cannot change.
  objectType: z.enum(objectTypes, "adminTemplates.errors.objectTypeInvalid").optional(),
});
export type UpdateTemplateInput = z.input<typeof updateTemplateSchema>;

export const listTemplatesSchema = z.strictObject({
  objectType: z.enum(objectTypes, "adminTemplates.errors.objectTypeInvalid").optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export type ListTemplatesInput = z.input<typeof listTemplatesSchema>;
