import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { propertyDefinitions, propertyOptions, watermarks, type PropertyType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { canonicalCandidates, type ComparableValue } from "@/lib/authz/property-values";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

export type WatermarkRow = typeof watermarks.$inferSelect;

/** A watermark as the API answers it, with the version a PATCH or DELETE states. */
export interface WatermarkView {
  id: string;
  name: string;
  text: string;
  color: string;
  triggerPropertyId: string | null;
  triggerValues: unknown[];
  enabled: boolean;
  version: number;
  updatedAt: string;
}

export const notAdminError = () => fail("forbidden", "adminWatermarks.errors.adminsOnly");
export const watermarkNotFound = () => fail("not_found", "adminWatermarks.errors.notFound");
export const staleWatermarkError = () => fail("conflict", "adminWatermarks.errors.stale");

export function isAdmin(actor: ActingUser): boolean {
  return roleAllows(actor.role, "administer");
}

export function toWatermarkView(row: WatermarkRow): WatermarkView {
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    color: row.color,
    triggerPropertyId: row.triggerPropertyId,
    triggerValues: row.triggerValues,
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The watermark of the actor's organisation, locked for the rest of the transaction; null for unknown or foreign ids. */
export async function lockWatermark(tx: Executor, organizationId: string, id: string): Promise<WatermarkRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(watermarks)
    .where(and(eq(watermarks.id, id), eq(watermarks.organizationId, organizationId)))
    .for("update");
  return row ?? null;
}

const triggerFieldError = (field: "triggerPropertyId" | "triggerValues", message: string) =>
  fail("invalid", "errors.fieldsNeedAttention", { [field]: message });

/**
 * The trigger checked against the organisation's property definitions and stored canonically, as access rules
 * store their conditions: an object property (never a user one), values compared as the property's type compares
 * them (choices by option id). No property means "every preview"; a property needs at least one value.
 */
export async function canonicalTrigger(
  db: Executor,
  organizationId: string,
  propertyId: string | null,
  values: readonly unknown[],
): Promise<Result<{ triggerPropertyId: string | null; triggerValues: ComparableValue[] }>> {
  if (propertyId === null) {
    return values.length > 0 ? triggerFieldError("triggerPropertyId", "adminWatermarks.errors.valuesWithoutProperty") : ok({ triggerPropertyId: null, triggerValues: [] });
  }
  const [definition] = isUuid(propertyId)
    ? await db
        .select({ type: propertyDefinitions.type, appliesTo: propertyDefinitions.appliesTo })
        .from(propertyDefinitions)
        .where(and(eq(propertyDefinitions.id, propertyId), eq(propertyDefinitions.organizationId, organizationId)))
    : [];
  if (!definition || definition.appliesTo === "user") return triggerFieldError("triggerPropertyId", "adminWatermarks.errors.triggerPropertyUnknown");
  const candidates = canonicalCandidates(definition.type, values);
  if (candidates.length === 0) return triggerFieldError("triggerValues", "adminWatermarks.errors.triggerValuesRequired");
  if (candidates.length !== values.length) return triggerFieldError("triggerValues", "adminWatermarks.errors.triggerValueInvalid");
  if (isChoice(definition.type)) {
    const options = await db
      .select({ id: propertyOptions.id })
      .from(propertyOptions)
      .where(and(eq(propertyOptions.organizationId, organizationId), eq(propertyOptions.propertyId, propertyId)));
    const known = new Set(options.map((option) => option.id));
    if (candidates.some((candidate) => typeof candidate !== "string" || !known.has(candidate))) {
      return triggerFieldError("triggerValues", "adminWatermarks.errors.triggerOptionUnknown");
    }
  }
  return ok({ triggerPropertyId: propertyId, triggerValues: candidates });
}

function isChoice(type: PropertyType): boolean {
  return type === "single_choice" || type === "multi_choice";
}
