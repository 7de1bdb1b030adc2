import { z } from "zod";
import { isTimeZone } from "./time-zones";

/** Ids are opaque strings (API.md): one that is not a UUID names no site, so it is answered like an unknown one. */
export const siteIdSchema = z.string("adminSites.errors.siteIdRequired").max(100, "adminSites.errors.siteIdInvalid");

export const siteNameSchema = z
  .string("adminSites.errors.nameRequired")
  .trim()
  .min(1, "adminSites.errors.nameRequired")
  .max(100, "admin.errors.nameTooLong");

export const timeZoneSchema = z
  .string("adminSites.errors.timeZoneRequired")
  .trim()
  .refine(isTimeZone, "adminSites.errors.timeZoneUnknown");

/** The row version the editor read: edits that state it are refused when someone changed the row since (SPEC §9). */
export const rowVersionSchema = z.coerce
  .number("admin.errors.versionRequired")
  .int("admin.errors.versionRequired")
  .positive("admin.errors.versionRequired");

export const userIdListSchema = z
  .array(z.string("admin.errors.userIdNotString").max(100, "admin.errors.userIdInvalid"), "admin.errors.userIdsList")
  .max(10_000, "admin.errors.tooManyUserIds");

/** A boolean that also reads the strings a form or query string sends. */
export const flagSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], "admin.errors.trueOrFalse");

