import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { propertyDefinitions, watermarks, type PropertyValues } from "@/db/schema";
import { isMultiValued, storedValueMatches, type ComparableValue } from "@/lib/authz/property-values";

/** What a preview draws for one custom watermark. */
export interface AppliedWatermark {
  id: string;
  text: string;
  color: string;
}

/**
 * The enabled watermarks whose trigger holds for an object's property values — a watermark without a trigger
 * holds for every object — compared exactly as access rules compare values (storedValueMatches), by name.
 */
export async function matchingWatermarks(db: Executor, organizationId: string, properties: PropertyValues): Promise<AppliedWatermark[]> {
  const rows = await db
    .select({
      id: watermarks.id,
      text: watermarks.text,
      color: watermarks.color,
      triggerPropertyId: watermarks.triggerPropertyId,
      triggerValues: watermarks.triggerValues,
      triggerType: propertyDefinitions.type,
    })
    .from(watermarks)
    .leftJoin(propertyDefinitions, and(eq(propertyDefinitions.id, watermarks.triggerPropertyId), eq(propertyDefinitions.organizationId, watermarks.organizationId)))
    .where(and(eq(watermarks.organizationId, organizationId), eq(watermarks.enabled, true)))
    .orderBy(asc(watermarks.name), asc(watermarks.id));
  return rows
    .filter((row) => {
      if (row.triggerPropertyId === null) return true;
      if (row.triggerType === null) return false;
      return storedValueMatches(isMultiValued(row.triggerType), properties[row.triggerPropertyId], row.triggerValues as ComparableValue[]);
    })
    .map(({ id, text, color }) => ({ id, text, color }));
}
