import { z } from "zod";
import { objectIdSchema, objectVersionSchema } from "@/lib/objects/object-schemas";
import { optionalCalendarDateSchema } from "./calendar-date";

/** An id, or null to clear it; a form's empty choice clears it too. */
const optionalIdSchema = (message: string) => z.preprocess((value) => (value === "" ? null : value), z.uuid(message).nullable());

/** The details an edit may change, all types together. */
export const detailFields = [
  "status",
  "unit",
  "material",
  "teamId",
  "startDate",
  "dueDate",
  "productId",
  "quantity",
  "siteId",
  "plannedStart",
  "plannedEnd",
] as const;
export type DetailField = (typeof detailFields)[number];

export const getObjectDetailsSchema = z.strictObject({ id: objectIdSchema });
export type GetObjectDetailsInput = z.input<typeof getObjectDetailsSchema>;

/**
 * Every editable detail of every type, each optional: the route cannot know the object's type before the gate has
 * decided it may see it, so a field of another type is refused by the service (422 naming it), after that decision.
 */
export const updateObjectDetailsSchema = z
  .strictObject({
    id: objectIdSchema,
    /** The object's version the editor read (the same counter as a title or property edit). */
    version: objectVersionSchema.max(2_147_483_647, "objects.fields.versionRequired"),
    /** Parts, products, projects and manufacturing orders: one of the type's statuses. */
    status: z.string("details.fields.statusInvalid").max(40, "details.fields.statusInvalid").optional(),
    /** Parts. */
    unit: z.string("objects.details.unitRequired").trim().min(1, "objects.details.unitRequired").max(20, "objects.details.unitTooLong").optional(),
    material: z
      .preprocess(
        (value) => (typeof value === "string" && value.trim() === "" ? null : value),
        z.string("objects.details.materialInvalid").trim().max(200, "objects.details.materialTooLong").nullable(),
      )
      .optional(),
    /** Projects. */
    teamId: optionalIdSchema("objects.details.teamIdInvalid").optional(),
    startDate: optionalCalendarDateSchema.optional(),
    dueDate: optionalCalendarDateSchema.optional(),
    /** Manufacturing orders. */
    productId: optionalIdSchema("objects.details.productIdInvalid").optional(),
    quantity: z.coerce
      .number("objects.details.wholeNumber")
      .int("objects.details.wholeNumber")
      .min(1, "objects.details.quantityTooSmall")
      .max(1_000_000_000, "objects.details.quantityTooLarge")
      .optional(),
    siteId: optionalIdSchema("objects.fields.siteIdInvalid").optional(),
    plannedStart: optionalCalendarDateSchema.optional(),
    plannedEnd: optionalCalendarDateSchema.optional(),
  })
  .refine((input) => detailFields.some((field) => input[field] !== undefined), { message: "details.fields.changeNothing", path: ["form"] });
export type UpdateObjectDetailsInput = z.input<typeof updateObjectDetailsSchema>;
export type ObjectDetailsPatch = Omit<z.output<typeof updateObjectDetailsSchema>, "id" | "version">;

