import type { PropertyTarget, PropertyType } from "@/db/schema/enums";
import { isChoiceType } from "./property-labels";
import { optionsOnlyForChoicesMessage, targetOnlyForRelationsMessage } from "./property-messages";

/** Duplicate labels (any case), as field errors keyed `options.<index>.label`. */
export function duplicateOptionLabels(options: readonly { label: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  options.forEach((option, index) => {
    const key = option.label.trim().toLowerCase();
    if (seen.has(key)) fields[`options.${index}.label`] = "adminProperties.errors.optionLabelTaken";
    else seen.add(key);
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
    if (!input.options || input.options.length === 0) fields.options = "adminProperties.errors.optionsRequired";
    else Object.assign(fields, duplicateOptionLabels(input.options));
  } else if (input.options && input.options.length > 0) {
    fields.options = optionsOnlyForChoicesMessage;
  }
  if (input.type === "relation" && !input.targetType) fields.targetType = "adminProperties.errors.targetRequired";
  if (input.type !== "relation" && input.targetType) fields.targetType = targetOnlyForRelationsMessage;
  return fields;
}
