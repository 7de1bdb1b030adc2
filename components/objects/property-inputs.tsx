"use client";

/*
 * Typed inputs for the custom properties of one object type (SPEC §5, §9), shared by the create and edit forms.
 *
 *   // server: the fields, with relation choices the acting user may pick
 *   const fields = await loadPropertyFormFields(db, user, type, values);       // lib/objects/property-form-fields.ts
 *   // client, inside a <form>:
 *   <PropertyInputs fields={fields} values={values} typed={state?.values} errors={state?.ok === false ? state.error.fields : null} />
 *   // form action: properties: propertiesFromForm(fields, values)              // lib/objects/property-form-values.ts
 *
 * Props:
 * - `fields`: PropertyFormField[] (id, name, type, options, relation choices and whether the list was capped).
 * - `values`: the values to show, by property id — the object's stored ones, or a template's defaults.
 * - `typed`: the form's posted values echoed back after a refusal (defineFormAction's `values`); they win over `values`.
 * - `errors`: the refusal's field messages as services key them — `properties.<propertyId>`; other keys are ignored.
 *
 * Input names (propertyInputName / propertyOptionInputName): `property:<id>` for one value (a relation's ids travel
 * comma-separated in a hidden input), `property:<id>:<optionId>` for each checkbox of a multiple choice. Every field is
 * posted, so an emptied input clears its value.
 */

import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { findRelationChoicesAction } from "@/app/(app)/objects/edit-actions";
import { FieldError, fieldErrorId, inputClass } from "@/components/ui/form-field";
import { ScalarPropertyInput } from "@/components/ui/scalar-property-input";
import type { PropertyFormField } from "@/lib/objects/property-form-fields";
import { propertyErrorKey, propertyInputName, propertyOptionInputName } from "@/lib/objects/property-form-values";
import type { RelationChoice } from "@/lib/objects/relation-choices";

export interface PropertyInputsProps {
  fields: readonly PropertyFormField[];
  values: Readonly<Record<string, unknown>>;
  typed?: Readonly<Record<string, string>> | null;
  errors?: Readonly<Record<string, string>> | null;
}

/** One typed input per custom property; nothing when the type has none. */
export function PropertyInputs({ fields, values, typed = null, errors = null }: PropertyInputsProps) {
  if (fields.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {fields.map((field) => (
        <PropertyInput key={field.id} field={field} stored={values[field.id]} typed={typed} error={errors?.[propertyErrorKey(field.id)]} />
      ))}
    </div>
  );
}

function storedText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return Array.isArray(value) ? value.join(",") : String(value);
}

interface PropertyInputProps {
  field: PropertyFormField;
  stored: unknown;
  typed: Readonly<Record<string, string>> | null;
  error?: string;
}

function PropertyInput({ field, stored, typed, error }: PropertyInputProps) {
  const t = useTranslations("objects.propertyInputs");
  const name = propertyInputName(field.id);
  const id = `property-${field.id}`;
  const initial = typed ? (typed[name] ?? "") : storedText(stored);

  if (field.type === "multi_choice") return <MultiChoiceInput id={id} field={field} stored={stored} typed={typed} error={error} />;
  if (field.type === "relation") return <RelationInput id={id} name={name} field={field} initial={initial} error={error} />;

  return <ScalarPropertyInput id={id} name={name} label={field.name} type={field.type} options={field.options} initial={initial} notSetLabel={t("notSet")} error={error} />;
}

function MultiChoiceInput({ id, field, stored, typed, error }: { id: string; field: PropertyFormField; stored: unknown; typed: PropertyInputProps["typed"]; error?: string }) {
  const storedIds = Array.isArray(stored) ? stored.map(String) : [];
  const isChecked = (optionId: string) => (typed ? typed[propertyOptionInputName(field.id, optionId)] !== undefined : storedIds.includes(optionId));
  return (
    <fieldset className="min-w-0" aria-describedby={error ? fieldErrorId(id) : undefined} aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-gray-700 [overflow-wrap:anywhere]">{field.name}</legend>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {field.options.map((option) => (
          <label key={option.id} className="flex min-w-0 items-center gap-2 text-sm [overflow-wrap:anywhere]">
            <input
              type="checkbox"
              name={propertyOptionInputName(field.id, option.id)}
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

// Searches wait for a pause in typing, and need a couple of characters to mean something.
const searchDelayMs = 250;
const searchMinLength = 2;

/**
 * A relation: users or objects picked by checkbox in a list that a text box narrows, sent as comma-separated ids in one
 * hidden input. When the list was capped, typing also searches the server (only what the user may see comes back).
 * Ids the list cannot show (objects this user cannot view) are kept as they are.
 */
function RelationInput({ id, name, field, initial, error }: { id: string; name: string; field: PropertyFormField; initial: string; error?: string }) {
  const t = useTranslations("objects.propertyInputs");
  const tCommon = useTranslations("common");
  const relation = field.relation;
  const [selected, setSelected] = useState(() => initial.split(",").filter(Boolean));
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<RelationChoice[]>([]);
  const [searching, setSearching] = useState(false);
  const hintId = useId();
  const filterId = `${id}-filter`;

  const capped = relation?.capped ?? false;
  useEffect(() => {
    const q = query.trim();
    if (!capped || q.length < searchMinLength) return;
    let current = true;
    const timer = setTimeout(async () => {
      setSearching(true);
      const result = await findRelationChoicesAction({ propertyId: field.id, q });
      if (!current) return;
      setSearching(false);
      if (result.ok) setFound(result.data.choices);
    }, searchDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [capped, field.id, query]);

  const known = useMemo(() => {
    const byId = new Map<string, RelationChoice>();
    for (const choice of [...(relation?.choices ?? []), ...found]) byId.set(choice.id, choice);
    return byId;
  }, [relation, found]);
  const needle = query.trim().toLowerCase();
  const listed = [
    ...selected.map((choiceId) => known.get(choiceId)).filter((choice): choice is RelationChoice => choice !== undefined),
    ...[...known.values()].filter((choice) => !selected.includes(choice.id) && choice.label.toLowerCase().includes(needle)),
  ];
  const unseen = selected.filter((choiceId) => !known.has(choiceId)).length;
  const toggle = (choiceId: string, on: boolean) =>
    setSelected((current) => (on ? [...current, choiceId] : current.filter((value) => value !== choiceId)));
  const describedBy = [hintId, error ? fieldErrorId(id) : null].filter(Boolean).join(" ");

  return (
    <fieldset className="min-w-0" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-gray-700 [overflow-wrap:anywhere]">{field.name}</legend>
      <input type="hidden" name={name} value={selected.join(",")} />
      {relation?.target && (
        <>
          <label htmlFor={filterId} className="sr-only">
            {t("relationFilterLabel", { name: field.name })}
          </label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
            placeholder={t(relation.target === "user" ? "relationFilterUsers" : "relationFilterObjects")}
            className={inputClass(Boolean(error))}
          />
          <div className="mt-1 max-h-48 overflow-y-auto rounded-md border border-gray-200 bg-white p-2">
            {listed.length === 0 ? (
              <p className="text-sm text-gray-600">{searching ? t("relationSearching") : t("relationNoMatch")}</p>
            ) : (
              <ul className="space-y-1">
                {listed.map((choice) => (
                  <li key={choice.id}>
                    <label className="flex min-w-0 items-start gap-2 text-sm [overflow-wrap:anywhere]">
                      <input
                        type="checkbox"
                        checked={selected.includes(choice.id)}
                        onChange={(event) => toggle(choice.id, event.target.checked)}
                        className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-500"
                      />
                      {choice.deactivated ? tCommon("deactivatedChoice", { label: choice.label }) : choice.label}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      <p id={hintId} className="mt-1 text-xs text-gray-600">
        {relation?.target ? t("relationSelected", { count: selected.length }) : t("relationWithoutTarget")}
        {capped && ` ${t("relationCapped")}`}
        {unseen > 0 && ` ${t("relationHidden", { count: unseen })}`}
      </p>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
