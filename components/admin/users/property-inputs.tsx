"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormField, fieldErrorId, inputClass } from "@/components/ui/form-field";
import { ScalarPropertyInput } from "@/components/ui/scalar-property-input";
import type { PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { userFormFields } from "@/lib/users/user-form-fields";
import type { ChoiceOption } from "@/lib/users/user-form-options";

interface PropertyInputsProps {
  definitions: PropertyDefinitionFacts[];
  relationOptions: Record<string, ChoiceOption[]>;
  /** Stored values by property id (the user's), when no typed values are to be shown. */
  stored: Record<string, unknown>;
  /** The values typed before an error, by input name; they win over the stored ones. */
  typed: Record<string, string> | null;
  /** Errors by property id. */
  errors: Record<string, string | undefined>;
}

function storedText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** One input per user property definition, by type (SPEC §9: choices by option id, relations as id lists). */
export function PropertyInputs({ definitions, relationOptions, stored, typed, errors }: PropertyInputsProps) {
  const t = useTranslations("adminUsers.properties");
  if (definitions.length === 0) {
    return <p className="text-sm text-gray-600">{t("none")}</p>;
  }
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {definitions.map((definition) => (
        <PropertyInput
          key={definition.id}
          definition={definition}
          options={relationOptions[definition.id] ?? []}
          stored={stored[definition.id]}
          typed={typed}
          error={errors[definition.id]}
        />
      ))}
    </div>
  );
}

function PropertyInput({
  definition,
  options,
  stored,
  typed,
  error,
}: {
  definition: PropertyDefinitionFacts;
  options: ChoiceOption[];
  stored: unknown;
  typed: Record<string, string> | null;
  error?: string;
}) {
  const t = useTranslations("adminUsers.properties");
  const name = userFormFields.property(definition.id);
  const id = `property-${definition.id}`;
  const initial = typed ? (typed[name] ?? "") : storedText(stored);

  if (definition.type === "multi_choice") {
    const storedIds = Array.isArray(stored) ? stored.map(String) : [];
    const isChecked = (optionId: string) =>
      typed ? typed[userFormFields.propertyOption(definition.id, optionId)] !== undefined : storedIds.includes(optionId);
    return (
      <fieldset className="min-w-0" aria-describedby={error ? fieldErrorId(id) : undefined}>
        <legend className="block text-sm font-medium text-gray-700 [overflow-wrap:anywhere]">{definition.name}</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {definition.options.map((option) => (
            <label key={option.id} className="flex min-w-0 items-center gap-2 text-sm [overflow-wrap:anywhere]">
              <input
                type="checkbox"
                name={userFormFields.propertyOption(definition.id, option.id)}
                defaultChecked={isChecked(option.id)}
                className="h-4 w-4 shrink-0 rounded border-gray-500"
              />
              {option.label}
            </label>
          ))}
        </div>
        <FieldError id={id} error={error} />
      </fieldset>
    );
  }

  if (definition.type === "relation") {
    return <RelationInput id={id} name={name} label={definition.name} options={options} initial={initial} error={error} />;
  }

  return <ScalarPropertyInput id={id} name={name} label={definition.name} type={definition.type} options={definition.options} initial={initial} notSetLabel={t("notSet")} error={error} />;
}

/**
 * A relation: several users or objects picked in a list, sent as comma-separated ids in one hidden input. Ids the
 * list does not offer (objects this Admin cannot see) are kept as they are.
 */
function RelationInput({
  id,
  name,
  label,
  options,
  initial,
  error,
}: {
  id: string;
  name: string;
  label: string;
  options: ChoiceOption[];
  initial: string;
  error?: string;
}) {
  const t = useTranslations("adminUsers.properties");
  const tCommon = useTranslations("common");
  const [selected, setSelected] = useState(() => initial.split(",").filter(Boolean));
  const offered = new Set(options.map((option) => option.id));
  const hidden = selected.filter((value) => !offered.has(value));
  const hintId = `${id}-hint`;
  return (
    <FormField id={id} label={label} error={error}>
      {(describedBy, invalid) => (
        <>
          <input type="hidden" name={name} value={selected.join(",")} />
          <select
            id={id}
            multiple
            size={Math.min(6, Math.max(3, options.length))}
            value={selected.filter((value) => offered.has(value))}
            onChange={(event) =>
              setSelected([...hidden, ...Array.from(event.target.selectedOptions, (option) => option.value)])
            }
            aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          >
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.deactivated ? tCommon("deactivatedChoice", { label: option.label }) : option.label}
              </option>
            ))}
          </select>
          <p id={hintId} className="mt-1 text-xs text-gray-600">
            {t("relationHint")}
            {hidden.length > 0 && ` ${t("relationHidden", { count: hidden.length })}`}
          </p>
        </>
      )}
    </FormField>
  );
}
