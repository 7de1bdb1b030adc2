import type { PropertyTarget, PropertyType } from "@/db/schema/enums";

/** A property a watermark's trigger may name, as the admin form shows it. */
export interface TriggerProperty {
  id: string;
  name: string;
  appliesTo: PropertyTarget;
  type: PropertyType;
  options: { id: string; label: string }[];
}

/** Properties whose values are picked from a list (choice options, yes/no) rather than typed. */
export function pickedValues(property: TriggerProperty): { value: string; label: string }[] | null {
  if (property.type === "single_choice" || property.type === "multi_choice") return property.options.map((option) => ({ value: option.id, label: option.label }));
  return null;
}

/** A stored trigger value as people read it: the option's label for choices, the value itself otherwise. */
export function triggerValueLabel(property: TriggerProperty | undefined, value: unknown, yesNo: { yes: string; no: string }): string {
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  return property?.options.find((option) => option.id === value)?.label ?? String(value);
}
