import { objectTypes, propertyTargets, type PropertyTarget, type PropertyType } from "@/db/schema/enums";

/** The property targets in the order the admin panel shows them: users first, then each object type. */
export const propertyTargetOrder: readonly PropertyTarget[] = propertyTargets;

/** How the admin panel names each target (a group heading), and a target in a sentence. */
export const propertyTargetLabels: Record<PropertyTarget, { plural: string; singular: string }> = {
  user: { plural: "Users", singular: "User" },
  document: { plural: "Documents", singular: "Document" },
  part: { plural: "Parts", singular: "Part" },
  product: { plural: "Products", singular: "Product" },
  project: { plural: "Projects", singular: "Project" },
  manufacturing_order: { plural: "Manufacturing orders", singular: "Manufacturing order" },
  workflow: { plural: "Workflows", singular: "Workflow" },
};

export const propertyTypeLabels: Record<PropertyType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  relation: "Relation",
};

export function isChoiceType(type: PropertyType): type is "single_choice" | "multi_choice" {
  return type === "single_choice" || type === "multi_choice";
}

export function isObjectTarget(target: PropertyTarget): target is (typeof objectTypes)[number] {
  return (objectTypes as readonly string[]).includes(target);
}
