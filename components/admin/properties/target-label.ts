import type { useTranslations } from "next-intl";
import type { PropertyTarget } from "@/db/schema/enums";

type PropertiesTranslator = ReturnType<typeof useTranslations<"adminProperties">>;
type CommonTranslator = ReturnType<typeof useTranslations<"common">>;

/** What a property applies to or points at, named as a group: "Users", or an object type's plural. */
export function targetPlural(t: PropertiesTranslator, tCommon: CommonTranslator, target: PropertyTarget): string {
  return target === "user" ? t("users") : tCommon(`objectTypesPlural.${target}`);
}

/** One user or object of that target, named in a link: "User", "Document". */
export function targetSingular(t: PropertiesTranslator, tCommon: CommonTranslator, target: PropertyTarget): string {
  return target === "user" ? t("user") : tCommon(`objectTypes.${target}`);
}
