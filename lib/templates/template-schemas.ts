import { z } from "zod";
import { defaultScopeKinds, objectTypes } from "@/db/schema/enums";
import { rowVersionSchema } from "@/lib/properties/property-schemas";
import { cursorSchema } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";

/** Input pieces of the template services, the API and the admin forms (API.md: object templates). */
export const templateIdSchema = z.uuid("This is not a template id.");

export const templateNameSchema = z
  .string("Give the template a name.")
  .trim()
  .min(1, "Give the template a name.")
  .max(100, "Keep the name to 100 characters.");

export const defaultScopeSchema = z.strictObject(
  {
    kind: z.enum(defaultScopeKinds, "Pick a default scope: owner, the creator's sites, fixed sites or the organisation."),
    /** The fixed sites, for kind `sites` only. */
    siteIds: z.array(z.uuid("This is not a site id."), "Send site ids as a list.").max(500).optional(),
  },
  "Send the default scope as { kind, siteIds? }.",
);
export type DefaultScopeInput = z.input<typeof defaultScopeSchema>;

export const updateTemplateSchema = z.strictObject({
  id: templateIdSchema,
  version: rowVersionSchema,
  name: templateNameSchema.optional(),
  defaultScope: defaultScopeSchema.optional(),
  /** Default values by property id, merged over the current ones: null (or empty text, an empty list) clears one. */
  defaultProperties: z.record(z.string(), z.unknown(), "Send default properties as an object keyed by property id.").optional(),
  // Accepted only to say clearly that it cannot change.
  objectType: z.enum(objectTypes, "Pick an object type.").optional(),
});
export type UpdateTemplateInput = z.input<typeof updateTemplateSchema>;

export const listTemplatesSchema = z.strictObject({
  objectType: z.enum(objectTypes, "Pick an object type.").optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export type ListTemplatesInput = z.input<typeof listTemplatesSchema>;
