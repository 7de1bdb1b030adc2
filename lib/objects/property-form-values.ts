import type { PropertyType } from "@/db/schema/enums";
import { propertyValuesFromForm, userFormFields } from "@/lib/users/user-form-fields";

/*
 * How the object forms name their property inputs, for both sides: components/objects/property-inputs.tsx renders
 * them, the form actions turn the posted values back into `properties: { "<propertyId>": value }`. The names are those
 * of the user forms, so one parser serves both: `property:<id>` holds a text, number, date, yes/no, option id or a
 * relation's comma-separated ids; `property:<id>:<optionId>` is one checkbox of a multiple choice.
 */

export const propertyInputName = userFormFields.property;
export const propertyOptionInputName = userFormFields.propertyOption;

/** The key under which services report a property's error (`properties.<id>`), as forms look it up. */
export function propertyErrorKey(propertyId: string): string {
  return `properties.${propertyId}`;
}

/**
 * The `properties` input of a create or an edit from a form's posted values: one value per field (empty text, no
 * checked option or no id clears it), in the form the property validation takes.
 */
export function propertiesFromForm(
  fields: readonly { id: string; type: PropertyType; options: readonly { id: string }[] }[],
  values: Record<string, string>,
): Record<string, unknown> {
  return propertyValuesFromForm(fields, values);
}
