import { z } from "zod";
import { userLinkKinds } from "./link-kinds";

/** Input pieces the links services, their actions and routes share; messages are catalogue keys. */
export const linkIdSchema = z.uuid("links.fields.linkIdInvalid");

export const linkKindSchema = z.enum(userLinkKinds, "links.fields.kindInvalid");

/** The most a link carries per parent: numeric(14,4) holds ten digits before the point. */
export const maxLinkQuantity = 1_000_000_000;

/**
 * A quantity of the target per source: above 0, at most four decimals (what numeric(14,4) keeps exactly). A number,
 * or its text as forms send it, with a decimal point or comma ("1,5" in French).
 */
export const linkQuantitySchema = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+(?:[.,]\d+)?\s*$/.test(value) ? Number(value.trim().replace(",", ".")) : value),
  z
    .number("links.fields.quantityInvalid")
    .positive("links.fields.quantityPositive")
    .max(maxLinkQuantity, "links.fields.quantityTooLarge")
    .refine((value) => Math.abs(value * 10_000 - Math.round(value * 10_000)) < 1e-6, "links.fields.quantityDecimals"),
);

/** The row version of the link the editor read. */
export const linkVersionSchema = z.coerce
  .number("links.fields.versionRequired")
  .int("links.fields.versionRequired")
  .positive("links.fields.versionRequired");
