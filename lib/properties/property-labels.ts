import { objectTypes, propertyTargets, type PropertyTarget, type PropertyType } from "@/db/schema/enums";

/** The property targets in the order the admin panel shows them: users first, then each object type. */
export const propertyTargetOrder: readonly PropertyTarget[] = propertyTargets;

export function isChoiceType(type: PropertyType): type is "single_choice" | "multi_choice" {
  return type === "single_choice" || type === "multi_choice";
}

export function isObjectTarget(target: PropertyTarget): target is (typeof objectTypes)[number] {
  return (objectTypes as readonly string[]).includes(target);
}
