import { z } from "zod";

/** Input pieces the object services and routes share (API.md: ids are UUIDs, properties keyed by property id). */
export const objectIdSchema = z.uuid("This is not an object id.");

export const objectTitleSchema = z
  .string("Give it a title.")
  .trim()
  .min(1, "Give it a title.")
  .max(200, "Keep the title to 200 characters.");

export const objectPropertiesSchema = z.record(z.string(), z.unknown(), "Send properties as an object keyed by property id.");

/** The row version the editor read: edits state it, so a stale edit is refused (SPEC §9). */
export const objectVersionSchema = z.coerce
  .number("Send the version of the object you read.")
  .int("Send the version of the object you read.")
  .positive("Send the version of the object you read.");
