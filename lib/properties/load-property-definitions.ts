import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { propertyDefinitions, propertyOptions, type PropertyTarget, type PropertyType } from "@/db/schema";

export interface PropertyOptionFacts {
  id: string;
  label: string;
}

/** A property definition as forms, validation and the Share tab read it: with its options, in order. */
export interface PropertyDefinitionFacts {
  id: string;
  name: string;
  appliesTo: PropertyTarget;
  type: PropertyType;
  /** For relation properties: users, or one object type. */
  targetType: PropertyTarget | null;
  options: PropertyOptionFacts[];
}

/**
 * The organisation's property definitions, keyed by id: those of the given targets, or all of them. Options come
 * with each choice property, in their display order.
 */
export async function loadPropertyDefinitions(
  db: Executor,
  organizationId: string,
  targets?: readonly PropertyTarget[],
): Promise<Map<string, PropertyDefinitionFacts>> {
  const definitions = await db
    .select({
      id: propertyDefinitions.id,
      name: propertyDefinitions.name,
      appliesTo: propertyDefinitions.appliesTo,
      type: propertyDefinitions.type,
      targetType: propertyDefinitions.targetType,
    })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, organizationId),
        targets ? inArray(propertyDefinitions.appliesTo, [...targets]) : undefined,
      ),
    )
    .orderBy(asc(propertyDefinitions.position), asc(propertyDefinitions.name));
  const byId = new Map<string, PropertyDefinitionFacts>(definitions.map((definition) => [definition.id, { ...definition, options: [] }]));
  const choiceIds = definitions.filter((d) => d.type === "single_choice" || d.type === "multi_choice").map((d) => d.id);
  if (choiceIds.length === 0) return byId;
  const options = await db
    .select({ id: propertyOptions.id, propertyId: propertyOptions.propertyId, label: propertyOptions.label })
    .from(propertyOptions)
    .where(and(eq(propertyOptions.organizationId, organizationId), inArray(propertyOptions.propertyId, choiceIds)))
    .orderBy(asc(propertyOptions.position), asc(propertyOptions.label));
  for (const option of options) byId.get(option.propertyId)?.options.push({ id: option.id, label: option.label });
  return byId;
}
