import type { PropertyTarget, PropertyType } from "@/db/schema/enums";
import { isChoiceType } from "./property-labels";

/** Duplicate labels (any case), as field errors keyed `options.<index>.label`. */
export function duplicateOptionLabels(options: readonly { label: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Map<string, number>();
  options.forEach((option, index) => {
    const key = option.label.trim().toLowerCase();
    if (seen.has(key)) fields[`options.${index}.label`] = `Another option is already labelled “${option.label.trim()}”.`;
    else seen.set(key, index);
  });
  return fields;
}

/**
 * What a definition of this type must and must not carry (SPEC §5, §9): choice properties need options, relations a
 * target (users or an object type), and nothing else takes either. Field errors, empty when it holds.
 */
export function shapeErrors(input: {
  type: PropertyType;
  options?: readonly { label: string }[] | undefined;
  targetType?: PropertyTarget | null | undefined;
}): Record<string, string> {
  const fields: Record<string, string> = {};
  if (isChoiceType(input.type)) {
    if (!input.options || input.options.length === 0) fields.options = "Add at least one option.";
    else Object.assign(fields, duplicateOptionLabels(input.options));
  } else if (input.options && input.options.length > 0) {
    fields.options = "Only single- and multiple-choice properties have options.";
  }
  if (input.type === "relation" && !input.targetType) fields.targetType = "Pick what the relation points at: users or an object type.";
  if (input.type !== "relation" && input.targetType) fields.targetType = "Only relation properties point at users or objects.";
  return fields;
}
