import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { propertyDefinitions, propertyOptions, watermarks } from "@/db/schema";

/**
 * Two custom watermarks that show on the demo's previews: procedures are controlled copies, and Quality documents
 * are internal. Found by the names demo-properties.ts gives them, after the organisation is seeded.
 */
export async function seedWatermarks(tx: Executor, organizationId: string, createdAt: Date): Promise<void> {
  const optionOf = async (property: string, label: string) => {
    const [row] = await tx
      .select({ propertyId: propertyDefinitions.id, optionId: propertyOptions.id })
      .from(propertyDefinitions)
      .innerJoin(propertyOptions, and(eq(propertyOptions.propertyId, propertyDefinitions.id), eq(propertyOptions.organizationId, propertyDefinitions.organizationId)))
      .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.appliesTo, "document"), eq(propertyDefinitions.name, property), eq(propertyOptions.label, label)));
    if (!row) throw new Error(`the demo has no document property ${property} with the option ${label}`);
    return row;
  };
  const procedure = await optionOf("Document kind", "Procedure");
  const quality = await optionOf("Department", "Quality");
  await tx.insert(watermarks).values([
    { organizationId, name: "Controlled copy", text: "CONTROLLED COPY", color: "#1d4ed8", triggerPropertyId: procedure.propertyId, triggerValues: [procedure.optionId], createdAt, updatedAt: createdAt },
    { organizationId, name: "Quality — internal", text: "QUALITY · INTERNAL", color: "#047857", triggerPropertyId: quality.propertyId, triggerValues: [quality.optionId], createdAt, updatedAt: createdAt },
  ]);
}
