"use client";

import { useTranslations } from "next-intl";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";

/** How the rule editor's lists name a property: a user property by its name, an object property with its type. */
export function usePropertyLabel(): (property: Pick<PropertyDefinitionFacts, "name" | "appliesTo">) => string {
  const t = useTranslations("adminRules.conditions");
  const tCommon = useTranslations("common");
  return (property) => (property.appliesTo === "user" ? property.name : t("propertyOf", { name: property.name, target: tCommon(`objectTypes.${property.appliesTo}`) }));
}
