import "server-only";
import type { PropertyValues } from "@/db/schema";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { canonicalPropertyValue } from "@/lib/properties/validate-property-values";

function comparable(value: unknown): string {
  if (value === undefined || value === null) return "null";
  return JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : value);
}

/**
 * The values of an edit form that differ from the object's stored ones, compared in canonical form (a number typed as
 * "3" is the stored 3; a list is a set). A form posts every field; only what the user changed is sent on, so an edit
 * neither rewrites values it did not touch (a relation to objects the editor cannot see stays valid) nor warns about
 * access it does not change. A value the validation would refuse is kept, so the refusal reaches its field.
 */
export function changedPropertyValues(
  definitions: ReadonlyMap<string, PropertyDefinitionFacts>,
  stored: PropertyValues,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [propertyId, raw] of Object.entries(submitted)) {
    const definition = definitions.get(propertyId);
    const outcome = definition ? canonicalPropertyValue(definition, raw) : null;
    if (outcome?.ok && comparable(outcome.value) === comparable(stored[propertyId])) continue;
    changed[propertyId] = raw;
  }
  return changed;
}
