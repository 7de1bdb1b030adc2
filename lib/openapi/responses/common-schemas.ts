import { z } from "zod";
import { accessLevels, defaultScopeKinds, objectTypes, propertyTargets, roles, scopeKinds, signInMethods, userKinds } from "@/db/schema/enums";
import { errorStatus, type ErrorCode } from "@/lib/result";

// The building blocks of the response schemas: the API's enumerations (API.md) and the shapes many answers share.

export const id = z.string().meta({ description: "An opaque identifier." });
export const instant = z.iso.datetime({ offset: true });
export const calendarDate = z.iso.date();
export const version = z.number().int().meta({ description: "The record's version: edits state it, a stale one is 409." });
export const objectType = z.enum(objectTypes);
export const role = z.enum(roles);
export const userKind = z.enum(userKinds);
export const signInMethod = z.enum(signInMethods);
export const accessLevel = z.enum(accessLevels);
export const accessLevelOrNone = z.enum([...accessLevels, "none"]);
export const scopeKind = z.enum(scopeKinds);
export const defaultScopeKind = z.enum(defaultScopeKinds);
export const propertyTarget = z.enum(propertyTargets);
/** Custom property values keyed by property id (API.md, "Conventions"). */
export const propertyValues = z.record(z.string(), z.unknown());
export const namedRef = z.strictObject({ id, name: z.string() });
export const objectRef = z.strictObject({ id, type: objectType, reference: z.string(), title: z.string() });
export const siteRef = z.strictObject({ id, name: z.string(), archived: z.boolean() });

/** A page of a list (API.md, "Lists"). */
export function page<Item extends z.ZodType>(item: Item) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The error body of every refusal (API.md, "Conventions"). */
export const errorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().meta({ description: "In the caller's language." }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "Per-field messages (invalid), keyed by input name or path." }),
  }),
});

/** What a deletion answers when it has nothing more to say. */
export const deletedRecord = z.strictObject({ id });
