import { z } from "zod";

/** The longest comment, in characters (UTF-16 code units, as the text box counts them). */
export const commentBodyMaxLength = 5000;

/**
 * A comment's text: plain text, stored exactly as typed once its surrounding blank space is trimmed — never
 * escaped, stripped or parsed as markup (the page draws it as text). Characters PostgreSQL cannot store are refused
 * by the gate before this runs.
 */
export const commentBodySchema = z
  .string("activity.fields.bodyRequired")
  .trim()
  .min(1, "activity.fields.bodyRequired")
  .max(commentBodyMaxLength, "activity.fields.bodyTooLong");

export const commentIdSchema = z.uuid("activity.fields.commentIdInvalid");

/** The version of the comment the author read: an edit made on an older one is refused (SPEC §9). */
export const commentVersionSchema = z.coerce
  .number("activity.fields.versionRequired")
  .int("activity.fields.versionRequired")
  .positive("activity.fields.versionRequired");
