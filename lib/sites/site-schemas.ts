import { z } from "zod";
import { isTimeZone } from "./time-zones";

/** Ids are opaque strings (API.md): one that is not a UUID names no site, so it is answered like an unknown one. */
export const siteIdSchema = z.string("Say which site.").max(100, "This is not a site id.");

export const siteNameSchema = z
  .string("Give the site a name.")
  .trim()
  .min(1, "Give the site a name.")
  .max(100, "Keep the name to 100 characters.");

export const timeZoneSchema = z
  .string("Pick a time zone.")
  .trim()
  .refine(isTimeZone, "Pick a time zone from the list (an IANA name such as Europe/Paris).");

/** The row version the editor read: edits that state it are refused when someone changed the row since (SPEC §9). */
export const rowVersionSchema = z.coerce
  .number("Send the version you read.")
  .int("Send the version you read.")
  .positive("Send the version you read.");

export const userIdListSchema = z
  .array(z.string("Send user ids as strings.").max(100, "This is not a user id."), "Send userIds as a list of user ids.")
  .max(10_000, "Send at most 10,000 user ids.");

/** A boolean that also reads the strings a form or query string sends. */
export const flagSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], "Send true or false.");

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an opaque id can name a row at all (anything else is simply not found). */
export function isUuid(id: string): boolean {
  return uuidPattern.test(id);
}
