import { z } from "zod";
import { userNameSchema } from "@/lib/users/user-schemas";

/** Input pieces the integration services and routes share (API.md: camelCase, ids are opaque strings). */

/** An integration's name is its service account's display name (shown in lists, activity and the log). */
export const integrationNameSchema = userNameSchema;

/** A service account acts through the API: any role but the shared computer's (a kind of its own, SPEC §9). */
export const integrationRoleSchema = z.enum(["viewer", "manager", "admin"], "adminIntegrations.errors.roleInvalid");

export const tokenNameSchema = z
  .string("adminIntegrations.errors.tokenNameRequired")
  .trim()
  .min(1, "adminIntegrations.errors.tokenNameRequired")
  .max(100, "adminIntegrations.errors.tokenNameTooLong");

/**
 * When a token stops working: an ISO instant or a calendar date (then the end of that day, UTC); null or absent for
 * never. Must lie in the future.
 */
export const tokenExpirySchema = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], "adminIntegrations.errors.expiryInvalid")
  .transform((text) => new Date(text.length === 10 ? `${text}T23:59:59.999Z` : text))
  .refine((date) => !Number.isNaN(date.getTime()) && date.getTime() > Date.now(), "adminIntegrations.errors.expiryPast")
  // Back to ISO text: services parse their input again, and the gate hands them what it parsed.
  .transform((date) => date.toISOString())
  .nullable();

/** Calls per minute; null or absent takes the deployment's default (INTEGRATION_RATE_LIMIT_PER_MINUTE). */
export const tokenRateLimitSchema = z.coerce
  .number("adminIntegrations.errors.rateLimitInvalid")
  .int("adminIntegrations.errors.rateLimitInvalid")
  .min(1, "adminIntegrations.errors.rateLimitInvalid")
  .max(1_000_000, "adminIntegrations.errors.rateLimitInvalid")
  .nullable();

/** A path id: any string, so an id that is not even well-formed is simply unknown (404), like any other. */
export const integrationIdParamSchema = z.string().max(100);

/** The fields that make a token, shared by creation with the integration and a later token. */
export const tokenFields = {
  expiresAt: tokenExpirySchema.optional(),
  rateLimitPerMinute: tokenRateLimitSchema.optional(),
};
