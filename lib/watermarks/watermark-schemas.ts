import { z } from "zod";
import { flagSchema, rowVersionSchema } from "@/lib/sites/site-schemas";

/** Ids are opaque strings (API.md): one that is not a UUID names no watermark, so it is answered like an unknown one. */
export const watermarkIdSchema = z.string("adminWatermarks.errors.idRequired").max(100, "adminWatermarks.errors.idInvalid");

export const watermarkNameSchema = z
  .string("adminWatermarks.errors.nameRequired")
  .trim()
  .min(1, "adminWatermarks.errors.nameRequired")
  .max(100, "admin.errors.nameTooLong");

/** What the stamp says: one short line, drawn across the page. */
export const watermarkTextSchema = z
  .string("adminWatermarks.errors.textRequired")
  .trim()
  .min(1, "adminWatermarks.errors.textRequired")
  .max(80, "adminWatermarks.errors.textTooLong");

export const watermarkColorSchema = z
  .string("adminWatermarks.errors.colorInvalid")
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "adminWatermarks.errors.colorInvalid")
  .transform((color) => color.toLowerCase());

/** The object property whose value triggers the watermark; null stamps every preview. */
export const triggerPropertyIdSchema = z.string("adminWatermarks.errors.triggerPropertyInvalid").max(100, "adminWatermarks.errors.triggerPropertyInvalid").nullable();

/** Values of the trigger property (choice option ids for choice properties): any one of them triggers. */
export const triggerValuesSchema = z
  .array(z.union([z.string().max(200, "adminWatermarks.errors.triggerValueTooLong"), z.number(), z.boolean()], "adminWatermarks.errors.triggerValueInvalid"), "adminWatermarks.errors.triggerValuesList")
  .max(50, "adminWatermarks.errors.tooManyTriggerValues");

export const createWatermarkSchema = z.strictObject({
  name: watermarkNameSchema,
  text: watermarkTextSchema,
  color: watermarkColorSchema.optional(),
  triggerPropertyId: triggerPropertyIdSchema.optional(),
  triggerValues: triggerValuesSchema.optional(),
  enabled: flagSchema.optional(),
});
export type CreateWatermarkInput = z.input<typeof createWatermarkSchema>;

export const updateWatermarkSchema = z.strictObject({
  id: watermarkIdSchema,
  name: watermarkNameSchema.optional(),
  text: watermarkTextSchema.optional(),
  color: watermarkColorSchema.optional(),
  triggerPropertyId: triggerPropertyIdSchema.optional(),
  triggerValues: triggerValuesSchema.optional(),
  enabled: flagSchema.optional(),
  /** The version the editor read: required, and a stale one is refused (SPEC §9). */
  version: rowVersionSchema,
});
export type UpdateWatermarkInput = z.input<typeof updateWatermarkSchema>;

export const deleteWatermarkSchema = z.strictObject({
  id: watermarkIdSchema,
  /** The version the Admin confirmed; when given, a deletion confirmed on a stale view is refused. */
  version: rowVersionSchema.optional(),
});
export type DeleteWatermarkInput = z.input<typeof deleteWatermarkSchema>;
