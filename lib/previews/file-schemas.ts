import { z } from "zod";

/** File ids are opaque strings (API.md): one that is not a UUID names no file and is answered like an unknown one. */
export const fileIdSchema = z.string("previews.errors.notFound").max(100, "previews.errors.notFound");

export const fileInputSchema = z.strictObject({ id: fileIdSchema });
export type FileInput = z.input<typeof fileInputSchema>;

export const previewPageSchema = z.strictObject({
  id: fileIdSchema,
  /** 1-based; the first page when absent. */
  page: z.coerce.number("previews.errors.pageInvalid").int("previews.errors.pageInvalid").min(1, "previews.errors.pageInvalid").max(1_000_000, "previews.errors.pageInvalid").optional(),
});
export type PreviewPageInput = z.input<typeof previewPageSchema>;
