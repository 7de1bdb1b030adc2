import { z } from "zod";
import { roles, signInMethods } from "@/db/schema/enums";

/** Input pieces the user services and routes share (API.md: camelCase, ids are opaque strings). */

/** Trimmed and lower-cased: e-mail is unique per deployment, case-insensitively (SPEC §9). */
export const userEmailSchema = z
  .string("Enter an e-mail address.")
  .trim()
  .toLowerCase()
  .min(1, "Enter an e-mail address.")
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid e-mail address."));

export const userNameSchema = z
  .string("Enter a name.")
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name to 120 characters.");

export const userRoleSchema = z.enum(roles, "Pick a role: shared_computer, viewer, manager or admin.");

export const signInMethodSchema = z.enum(signInMethods, "Pick a sign-in method: password or sso.");

const siteIdSchema = z.string("Site ids are strings.").max(100, "This is not a site id.");

export const userSiteIdsSchema = z
  .array(siteIdSchema, "Send siteIds as a list of site ids.")
  .max(500, "Pick at most 500 sites.")
  .transform((ids) => [...new Set(ids)]);

export const primarySiteIdSchema = siteIdSchema.nullable();

export const userPropertiesSchema = z.record(z.string(), z.unknown(), "Send properties as an object keyed by property id.");

/** The row version the admin read: edits state it, so a stale edit is refused (SPEC §9). */
export const userVersionSchema = z.coerce
  .number("Send the version of the account you read.")
  .int("Send the version of the account you read.")
  .positive("Send the version of the account you read.");

/** A path id: any string, so an id that is not even well-formed is simply unknown (404), like any other. */
export const userIdParamSchema = z.string().max(100);

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
