import { getTranslations } from "next-intl/server";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";

/** A custom property's value as a list cell shows it: option labels, yes / no, dates as typed, relations counted. */
export async function PropertyValue({ value, definition }: { value: unknown; definition: PropertyDefinitionFacts | undefined }) {
  const t = await getTranslations("workspace.list");
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || !definition) {
    return <span className="text-gray-600">{t("noValue")}</span>;
  }
  const label = (id: unknown) => definition.options.find((option) => option.id === id)?.label ?? t("unknownOption");
  switch (definition.type) {
    case "single_choice":
      return <>{label(value)}</>;
    case "multi_choice":
      return <>{(Array.isArray(value) ? value : [value]).map(label).join(", ")}</>;
    case "boolean":
      return <>{value === true ? t("yes") : t("no")}</>;
    case "relation":
      return <>{t("relationCount", { count: Array.isArray(value) ? value.length : 1 })}</>;
    default:
      return <>{String(value)}</>;
  }
}
