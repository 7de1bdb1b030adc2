import { z } from "zod";

/** Input pieces the object services and routes share (API.md: ids are UUIDs, properties keyed by property id). */
export const objectIdSchema = z.uuid("objects.fields.idInvalid");

export const objectTitleSchema = z
  .string("objects.fields.titleRequired")
  .trim()
  .min(1, "objects.fields.titleRequired")
  .max(200, "objects.fields.titleTooLong");

export const objectPropertiesSchema = z.record(z.string(), z.unknown(), "objects.fields.propertiesNotObject");

/** The row version the editor read: edits state it, so a stale edit is refused (SPEC §9). */
export const objectVersionSchema = z.coerce
  .number("objects.fields.versionRequired")
  .int("objects.fields.versionRequired")
  .positive("objects.fields.versionRequired")
  // A version is a PostgreSQL integer: anything larger was never read from a record.
  .max(2_147_483_647, "objects.fields.versionRequired");
