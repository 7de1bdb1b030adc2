import { z } from "zod";
import { roles, signInMethods } from "@/db/schema/enums";

/** Input pieces the user services and routes share (API.md: camelCase, ids are opaque strings). */

/** Trimmed and lower-cased: e-mail is unique per deployment, case-insensitively (SPEC §9). */
export const userEmailSchema = z
  .string("adminUsers.errors.emailRequired")
  .trim()
  .toLowerCase()
  .min(1, "adminUsers.errors.emailRequired")
  .max(254, "adminUsers.errors.emailTooLong")
  .pipe(z.email("adminUsers.errors.emailInvalid"));

export const userNameSchema = z
  .string("adminUsers.errors.nameRequired")
  .trim()
  .min(1, "adminUsers.errors.nameRequired")
  .max(120, "adminUsers.errors.nameTooLong");

export const userRoleSchema = z.enum(roles, "adminUsers.errors.roleInvalid");

export const signInMethodSchema = z.enum(signInMethods, "adminUsers.errors.signInMethodInvalid");

const siteIdSchema = z.string("adminUsers.errors.siteIdNotString").max(100, "adminSites.errors.siteIdInvalid");

export const userSiteIdsSchema = z
  .array(siteIdSchema, "adminUsers.errors.siteIdsList")
  .max(500, "adminUsers.errors.tooManySites")
  .transform((ids) => [...new Set(ids)]);

export const primarySiteIdSchema = siteIdSchema.nullable();

export const userPropertiesSchema = z.record(z.string(), z.unknown(), "adminUsers.errors.propertiesObject");

/** The row version the admin read: edits state it, so a stale edit is refused (SPEC §9). */
export const userVersionSchema = z.coerce
  .number("adminUsers.errors.versionRequired")
  .int("adminUsers.errors.versionRequired")
  .positive("adminUsers.errors.versionRequired");

/** A path id: any string, so an id that is not even well-formed is simply unknown (404), like any other. */
export const userIdParamSchema = z.string().max(100);

