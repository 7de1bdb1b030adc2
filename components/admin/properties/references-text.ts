import type { useTranslations } from "next-intl";
import type { PropertyReferences } from "@/lib/properties/property-usage";

type PropertiesTranslator = ReturnType<typeof useTranslations<"adminProperties">>;

function quotedList(t: PropertiesTranslator, names: readonly string[]): string {
  const quoted = names.map((name) => t("references.quoted", { name }));
  if (quoted.length <= 1) return quoted[0] ?? "";
  return t("references.list", { first: quoted.slice(0, -1).join(", "), last: quoted.at(-1)! });
}

/** "access rule “A” and watermark “B”": what keeps a property or an option from being removed. */
export function referencesText(t: PropertiesTranslator, references: PropertyReferences): string {
  const rules = references.rules.map((rule) => rule.name);
  const marks = references.watermarks.map((mark) => mark.name);
  const rulesText = rules.length > 0 && t(rules.length === 1 ? "references.rule" : "references.rules", { names: quotedList(t, rules) });
  const marksText = marks.length > 0 && t(marks.length === 1 ? "references.watermark" : "references.watermarks", { names: quotedList(t, marks) });
  if (rulesText && marksText) return t("references.both", { rules: rulesText, watermarks: marksText });
  return rulesText || marksText || "";
}
