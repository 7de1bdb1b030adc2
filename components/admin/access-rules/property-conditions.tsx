"use client";

import { useState } from "react";
import type { RulePropertyCondition } from "@/db/schema";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { ChoiceOption } from "@/lib/properties/relation-options";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { CheckboxGroup } from "./checkbox-group";

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

/** The property conditions of one side of a rule: each row a property and the values any of which matches. */
export function PropertyConditions({ side, properties, relationOptions, conditions, onChange, errors }: PropertyConditionsProps) {
  const label = side === "user" ? "User property" : "Object property";
  const replace = (index: number, condition: RulePropertyCondition) => onChange(conditions.map((entry, at) => (at === index ? condition : entry)));
  return (
    <div className="space-y-3">
      {conditions.map((condition, index) => {
        const property = properties.find((candidate) => candidate.id === condition.propertyId);
        return (
          <div key={index} className="rounded-md border border-gray-200 bg-gray-50 p-3">
            <div className="flex flex-wrap items-end gap-3">
              <div className="min-w-56 flex-1">
                <FormField id={`${side}-property-${index}`} label={`${label} ${index + 1}`} error={errors[`${index}.propertyId`]}>
                  {(describedBy, invalid) => (
                    <select
                      id={`${side}-property-${index}`}
                      value={condition.propertyId}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(event) => replace(index, { propertyId: event.target.value, in: [] })}
                      className={inputClass(invalid)}
                    >
                      <option value="">Pick a property…</option>
                      {properties.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.name}
                          {side === "object" && ` (${candidate.appliesTo.replace("_", " ")})`}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </div>
              <button
                type="button"
                className={buttonStyles.secondary}
                onClick={() => onChange(conditions.filter((_, at) => at !== index))}
                aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
              >
                Remove
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
      <button type="button" className={buttonStyles.secondary} onClick={() => onChange([...conditions, { propertyId: "", in: [] }])} disabled={properties.length === 0}>
        {side === "user" ? "Add a user property condition" : "Add an object property condition"}
      </button>
      {properties.length === 0 && <p className="text-xs text-gray-500">No {side} property is defined yet (Admin → Properties).</p>}
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
  const legend = `Values of “${property.name}” (any of them matches)`;
  const toggle = (value: unknown, on: boolean) => onChange(on ? [...values.filter((entry) => entry !== value), value] : values.filter((entry) => entry !== value));

  if (property.type === "single_choice" || property.type === "multi_choice") {
    return (
      <CheckboxGroup
        legend={legend}
        choices={property.options.map((option) => ({ value: option.id, label: option.label }))}
        selected={values.filter((value): value is string => typeof value === "string")}
        onChange={toggle}
        error={error}
        emptyText="This property has no option yet."
      />
    );
  }
  if (property.type === "boolean") {
    return (
      <CheckboxGroup
        legend={legend}
        choices={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
        selected={values.map(String)}
        onChange={(value, on) => toggle(value === "true", on)}
        error={error}
      />
    );
  }
  if (property.type === "relation" && relationOptions.length > 0) {
    return (
      <CheckboxGroup
        legend={legend}
        choices={relationOptions.map((option) => ({ value: option.id, label: option.label }))}
        selected={values.filter((value): value is string => typeof value === "string")}
        onChange={toggle}
        error={error}
        filterable
      />
    );
  }
  return <TypedValues fieldId={fieldId} legend={legend} property={property} values={values} onChange={onChange} error={error} />;
}

const typedHints: Partial<Record<PropertyDefinitionFacts["type"], string>> = {
  text: "Separate values with commas.",
  number: "Numbers, separated with commas.",
  date: "Dates as YYYY-MM-DD, separated with commas.",
  relation: "Record ids, separated with commas.",
};

/** Text, numbers, dates (and relation ids without a list to pick from) typed as a comma-separated list. */
function TypedValues({ fieldId, legend, property, values, onChange, error }: Omit<ValuePickerProps, "relationOptions"> & { legend: string }) {
  const [text, setText] = useState(values.map(String).join(", "));
  return (
    <FormField id={fieldId} label={legend} error={error} hint={typedHints[property.type]}>
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
