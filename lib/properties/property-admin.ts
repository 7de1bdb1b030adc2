import "server-only";
import type { Executor } from "@/db/client";
import type { PropertyTarget } from "@/db/schema";
import { propertyTargetOrder } from "./property-labels";
import { countOptionValues, countPropertyValues, findPropertyAndOptionReferences, hasReferences, type PropertyReferences } from "./property-usage";
import { loadPropertyView, type PropertyView } from "./property-view";

export interface PropertyGroup {
  target: PropertyTarget;
  properties: PropertyView[];
  /** Relation properties of other targets that point at this one: SPEC §5 shows them on both sides. */
  pointingHere: PropertyView[];
}

/** The definitions grouped per target, every target present (users first, then each object type). */
export function groupPropertiesByTarget(views: readonly PropertyView[]): PropertyGroup[] {
  return propertyTargetOrder.map((target) => ({
    target,
    properties: views.filter((view) => view.appliesTo === target),
    pointingHere: views.filter((view) => view.type === "relation" && view.targetType === target && view.appliesTo !== target),
  }));
}

export interface PropertyEditor {
  property: PropertyView;
  /** Users and objects holding a value: what a delete removes. */
  valueCounts: { users: number; objects: number };
  /** The rules and watermarks that refer to it, or null when nothing does. */
  referencedBy: PropertyReferences | null;
  /** Per option: how many values hold it, and what refers to it (a removal is refused while something does). */
  options: Record<string, { values: number; referencedBy: PropertyReferences | null }>;
}

/** What the property's admin page shows; null for an unknown property or another organisation's. */
export async function loadPropertyEditor(db: Executor, organizationId: string, id: string): Promise<PropertyEditor | null> {
  const property = await loadPropertyView(db, organizationId, id);
  if (!property) return null;
  const optionIds = (property.options ?? []).map((option) => option.id);
  const references = await findPropertyAndOptionReferences(db, organizationId, id, optionIds);
  const optionCounts = optionIds.length > 0 ? await countOptionValues(db, organizationId, id) : new Map<string, number>();
  const options: PropertyEditor["options"] = {};
  for (const optionId of optionIds) {
    const optionReferences = references.options.get(optionId);
    options[optionId] = {
      values: optionCounts.get(optionId) ?? 0,
      referencedBy: optionReferences && hasReferences(optionReferences) ? optionReferences : null,
    };
  }
  return {
    property,
    valueCounts: await countPropertyValues(db, organizationId, id),
    referencedBy: hasReferences(references.property) ? references.property : null,
    options,
  };
}
