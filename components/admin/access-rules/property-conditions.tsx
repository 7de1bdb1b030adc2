"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFocusAfterRender } from "@/components/admin/properties/use-focus-after-render";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import type { RulePropertyCondition } from "@/db/schema";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { ChoiceOption } from "@/lib/properties/relation-options";
import { CheckboxGroup } from "./checkbox-group";
import { MultiPicker } from "./multi-picker";
import { usePropertyLabel } from "./use-property-label";

interface PropertyConditionsProps {
  /** "user" or "object": names the rows ("User property 1") and the add button. */
  side: "user" | "object";
  /** The properties that may be picked on this side. */
  properties: readonly PropertyDefinitionFacts[];
  relationOptions: Record<string, ChoiceOption[]>;
  conditions: readonly RulePropertyCondition[];
  onChange: (conditions: RulePropertyCondition[]) => void;
  /** Field errors by path, relative to this list: `0.propertyId`, `0.in`. */
  errors: Record<string, string>;
}

/**
 * The property conditions of one side of a rule: each row a property and the values any of which matches. A new row
 * takes the focus; a removed one hands it to the next row, or to the add button.
 */
export function PropertyConditions({ side, properties, relationOptions, conditions, onChange, errors }: PropertyConditionsProps) {
  const t = useTranslations("adminRules.conditions");
  const tCommon = useTranslations("common");
  const propertyLabel = usePropertyLabel();
  const focusAfterRender = useFocusAfterRender();
  const selectId = (index: number) => `${side}-property-${index}`;
  const addId = `${side}-property-add`;
  const replace = (index: number, condition: RulePropertyCondition) => onChange(conditions.map((entry, at) => (at === index ? condition : entry)));
  const add = () => {
    focusAfterRender(selectId(conditions.length));
    onChange([...conditions, { propertyId: "", in: [] }]);
  };
  const remove = (index: number) => {
    focusAfterRender(conditions.length > 1 ? selectId(Math.min(index, conditions.length - 2)) : addId);
    onChange(conditions.filter((_, at) => at !== index));
  };
  return (
    <div className="space-y-3">
      {conditions.map((condition, index) => {
        const property = properties.find((candidate) => candidate.id === condition.propertyId);
        const number = index + 1;
        return (
          <div key={index} className="rounded-md border border-gray-200 bg-gray-50 p-3">
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-0 flex-1 basis-56">
                <FormField id={selectId(index)} label={t(side === "user" ? "userProperty" : "objectProperty", { number })} error={errors[`${index}.propertyId`]}>
                  {(describedBy, invalid) => (
                    <select
                      id={selectId(index)}
                      value={condition.propertyId}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(event) => replace(index, { propertyId: event.target.value, in: [] })}
                      className={inputClass(invalid)}
                    >
                      <option value="">{t("pickProperty")}</option>
                      {properties.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {propertyLabel(candidate)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </div>
              <button
                type="button"
                className={buttonStyles.secondary}
                onClick={() => remove(index)}
                aria-label={t(side === "user" ? "removeUserCondition" : "removeObjectCondition", { number })}
              >
                {tCommon("actions.remove")}
              </button>
            </div>
            {property && (
              <div className="mt-3">
                <ValuePicker
                  key={property.id}
                  fieldId={`${side}-values-${index}`}
                  property={property}
                  relationOptions={relationOptions[property.id] ?? []}
                  values={condition.in}
                  onChange={(values) => replace(index, { propertyId: property.id, in: values })}
                  error={errors[`${index}.in`]}
                />
              </div>
            )}
          </div>
        );
      })}
      <button id={addId} type="button" className={buttonStyles.secondary} onClick={add} disabled={properties.length === 0}>
        {t(side === "user" ? "addUserCondition" : "addObjectCondition")}
      </button>
      {properties.length === 0 && (
        <p className="text-xs text-gray-600">
          {t.rich(side === "user" ? "noUserProperty" : "noObjectProperty", {
            link: (chunks) => (
              <Link href="/admin/properties" className="text-blue-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </div>
  );
}

interface ValuePickerProps {
  fieldId: string;
  property: PropertyDefinitionFacts;
  relationOptions: readonly ChoiceOption[];
  values: readonly unknown[];
  onChange: (values: unknown[]) => void;
  error?: string;
}

/** The values of one condition, picked the way the property's type calls for. */
function ValuePicker({ fieldId, property, relationOptions, values, onChange, error }: ValuePickerProps) {
  const t = useTranslations("adminRules.conditions");
  const tCommon = useTranslations("common");
  const legend = t("values", { name: property.name });
  const toggle = (value: unknown, on: boolean) => onChange(on ? [...values.filter((entry) => entry !== value), value] : values.filter((entry) => entry !== value));
  const ids = values.filter((value): value is string => typeof value === "string");

  if (property.type === "single_choice" || property.type === "multi_choice") {
    return (
      <CheckboxGroup
        legend={legend}
        choices={property.options.map((option) => ({ value: option.id, label: option.label }))}
        selected={ids}
        onChange={toggle}
        error={error}
        emptyText={t("noOption")}
      />
    );
  }
  if (property.type === "boolean") {
    return (
      <CheckboxGroup
        legend={legend}
        choices={[
          { value: "true", label: tCommon("yes") },
          { value: "false", label: tCommon("no") },
        ]}
        selected={values.map(String)}
        onChange={(value, on) => toggle(value === "true", on)}
        error={error}
        emptyText={t("nothingToPick")}
      />
    );
  }
  if (property.type === "relation" && relationOptions.length > 0) {
    return (
      <MultiPicker
        label={legend}
        options={relationOptions.map((option) => ({
          value: option.id,
          label: option.deactivated ? tCommon("deactivatedChoice", { label: option.label }) : option.label,
        }))}
        selected={ids}
        onChange={onChange}
        error={error}
        emptyText={t("nothingToPick")}
      />
    );
  }
  return <TypedValues fieldId={fieldId} legend={legend} property={property} values={values} onChange={onChange} error={error} />;
}

const typedHints = { text: "hints.text", number: "hints.number", date: "hints.date", relation: "hints.relation" } as const;

/** Text, numbers, dates (and relation ids without a list to pick from) typed as a comma-separated list. */
function TypedValues({ fieldId, legend, property, values, onChange, error }: Omit<ValuePickerProps, "relationOptions"> & { legend: string }) {
  const t = useTranslations("adminRules.conditions");
  const [text, setText] = useState(values.map(String).join(", "));
  const hint = property.type in typedHints ? t(typedHints[property.type as keyof typeof typedHints]) : undefined;
  return (
    <FormField id={fieldId} label={legend} error={error} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={fieldId}
          value={text}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            setText(event.target.value);
            onChange(
              event.target.value
                .split(",")
                .map((value) => value.trim())
                .filter((value) => value !== ""),
            );
          }}
          className={inputClass(invalid)}
        />
      )}
    </FormField>
  );
}
