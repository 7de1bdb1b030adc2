"use client";

import { useId } from "react";
import { FieldMessage } from "@/components/admin/properties/field-message";

export interface CheckboxChoice {
  value: string;
  label: string;
}

interface CheckboxGroupProps {
  legend: string;
  hint?: string;
  choices: readonly CheckboxChoice[];
  selected: readonly string[];
  onChange: (value: string, on: boolean) => void;
  error?: string;
  /** Said when there is nothing to tick (a property without options). */
  emptyText?: string;
}

/** A fieldset of a few checkboxes (roles, object types, a property's options) with its hint and error tied to it. */
export function CheckboxGroup({ legend, hint, choices, selected, onChange, error, emptyText }: CheckboxGroupProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="text-sm font-medium text-gray-700">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {choices.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600">{emptyText}</p>
      ) : (
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {choices.map((choice) => (
            <label key={choice.value} className="flex min-w-0 items-center gap-2 text-sm text-gray-800 [overflow-wrap:anywhere]">
              <input
                type="checkbox"
                checked={selected.includes(choice.value)}
                onChange={(event) => onChange(choice.value, event.target.checked)}
                className="h-4 w-4 shrink-0 rounded border-gray-300"
              />
              {choice.label}
            </label>
          ))}
        </div>
      )}
      <FieldMessage id={`${id}-error`} message={error} />
    </fieldset>
  );
}
