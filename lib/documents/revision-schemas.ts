import { z } from "zod";
import { objectIdSchema, objectVersionSchema } from "@/lib/objects/object-schemas";

/**
 * `{rev}` in the API's paths: a revision's id, or its label (`A`, `B`, `AA`…) — integrations know the label from the
 * drawing, the app uses ids.
 */
export const revisionRefSchema = z
  .string("documents.fields.revisionInvalid")
  .regex(/^(?:[A-Z]{1,4}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, "documents.fields.revisionInvalid");

/** The revision version the editor read (a draft's files and note bump it). */
export const revisionVersionSchema = objectVersionSchema.pipe(z.number("documents.fields.versionRequired"));

/** A draft's note: why this revision exists (what changed, after which review); empty or null for none. */
export const revisionNoteSchema = z.string("documents.fields.noteInvalid").trim().max(2000, "documents.fields.noteTooLong").nullable();

export const revisionTargetSchema = z.strictObject({ id: objectIdSchema, rev: revisionRefSchema });
