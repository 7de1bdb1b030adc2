"use client";

import { useTranslations } from "next-intl";
import { useFocusAfterRender } from "@/components/admin/properties/use-focus-after-render";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import type { RulePropertyMatch } from "@/db/schema";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { usePropertyLabel } from "./use-property-label";

interface PropertyMatchesProps {
  userProperties: readonly PropertyDefinitionFacts[];
  objectProperties: readonly PropertyDefinitionFacts[];
  matches: readonly RulePropertyMatch[];
  onChange: (matches: RulePropertyMatch[]) => void;
  /** Field errors relative to the list: `0.userPropertyId`, `0.objectPropertyId`. */
  errors: Record<string, string>;
}

interface PropertySelectProps {
  id: string;
  label: string;
  value: string;
  properties: readonly PropertyDefinitionFacts[];
  error?: string;
  onPick: (value: string) => void;
}

function PropertySelect({ id, label, value, properties, error, onPick }: PropertySelectProps) {
  const t = useTranslations("adminRules.conditions");
  const propertyLabel = usePropertyLabel();
  return (
    <div className="min-w-0 flex-1 basis-56">
      <FormField id={id} label={label} error={error}>
        {(describedBy, invalid) => (
          <select id={id} value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(event) => onPick(event.target.value)} className={inputClass(invalid)}>
            <option value="">{t("pickProperty")}</option>
            {properties.map((property) => (
              <option key={property.id} value={property.id}>
                {propertyLabel(property)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </div>
  );
}

/**
 * "user.Department equals document.Department": one rule that serves every value (SPEC §4). A new match takes the
 * focus; a removed one hands it to the next match, or to the add button.
 */
export function PropertyMatches({ userProperties, objectProperties, matches, onChange, errors }: PropertyMatchesProps) {
  const t = useTranslations("adminRules.matches");
  const tCommon = useTranslations("common");
  const focusAfterRender = useFocusAfterRender();
  const userSelectId = (index: number) => `match-user-${index}`;
  const replace = (index: number, match: RulePropertyMatch) => onChange(matches.map((entry, at) => (at === index ? match : entry)));
  const add = () => {
    focusAfterRender(userSelectId(matches.length));
    onChange([...matches, { userPropertyId: "", objectPropertyId: "" }]);
  };
  const remove = (index: number) => {
    focusAfterRender(matches.length > 1 ? userSelectId(Math.min(index, matches.length - 2)) : "match-add");
    onChange(matches.filter((_, at) => at !== index));
  };
  return (
    <div className="space-y-3">
      {matches.map((match, index) => {
        const number = index + 1;
        return (
          <div key={index} className="flex flex-wrap items-end gap-3 rounded-md border border-gray-200 bg-gray-50 p-3">
            <PropertySelect
              id={userSelectId(index)}
              label={t("userProperty", { number })}
              value={match.userPropertyId}
              properties={userProperties}
              error={errors[`${index}.userPropertyId`]}
              onPick={(value) => replace(index, { ...match, userPropertyId: value })}
            />
            <span className="pb-2 text-sm text-gray-600">{t("equals")}</span>
            <PropertySelect
              id={`match-object-${index}`}
              label={t("objectProperty", { number })}
              value={match.objectPropertyId}
              properties={objectProperties}
              error={errors[`${index}.objectPropertyId`]}
              onPick={(value) => replace(index, { ...match, objectPropertyId: value })}
            />
            <button type="button" className={buttonStyles.secondary} onClick={() => remove(index)} aria-label={t("remove", { number })}>
              {tCommon("actions.remove")}
            </button>
          </div>
        );
      })}
      <button id="match-add" type="button" className={buttonStyles.secondary} onClick={add} disabled={userProperties.length === 0 || objectProperties.length === 0}>
        {t("add")}
      </button>
    </div>
  );
}
