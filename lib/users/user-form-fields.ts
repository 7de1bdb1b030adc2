import type { PropertyType } from "@/db/schema/enums";

/**
 * How the user forms name their inputs, for both sides: the form components and the form actions that turn the
 * submitted values back into a service's input. Checkboxes get one name each (a form action receives one value per
 * name), relations travel as comma-separated ids in one hidden input.
 */
export const userFormFields = {
  site: (siteId: string) => `site:${siteId}`,
  property: (propertyId: string) => `property:${propertyId}`,
  propertyOption: (propertyId: string, optionId: string) => `property:${propertyId}:${optionId}`,
} as const;

/** The site ids a user form checked. */
export function siteIdsFromForm(values: Record<string, string>): string[] {
  return Object.keys(values)
    .filter((key) => key.startsWith("site:"))
    .map((key) => key.slice("site:".length));
}

/** Property values from a user form, per property type, in the form the property validation takes. */
export function propertyValuesFromForm(
  definitions: readonly { id: string; type: PropertyType; options: readonly { id: string }[] }[],
  values: Record<string, string>,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const definition of definitions) {
    const raw = values[userFormFields.property(definition.id)];
    switch (definition.type) {
      case "multi_choice":
        properties[definition.id] = definition.options
          .filter((option) => values[userFormFields.propertyOption(definition.id, option.id)] !== undefined)
          .map((option) => option.id);
        break;
      case "relation":
        properties[definition.id] = (raw ?? "")
          .split(/[\s,]+/)
          .map((id) => id.trim())
          .filter(Boolean);
        break;
      case "boolean":
        properties[definition.id] = raw === undefined || raw === "" ? null : raw;
        break;
      default:
        properties[definition.id] = raw ?? "";
    }
  }
  return properties;
}
