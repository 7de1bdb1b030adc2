"use client";

import { useId, useState } from "react";
import { inputClass } from "@/components/ui/form-field";

export interface CheckboxChoice {
  value: string;
  label: string;
  /** Shown but not offered (an archived site or a deactivated user a rule already names can only be removed). */
  disabled?: boolean;
}

interface CheckboxGroupProps {
  legend: string;
  hint?: string;
  choices: readonly CheckboxChoice[];
  selected: readonly string[];
  onChange: (value: string, on: boolean) => void;
  error?: string;
  /** Long lists (users) get a filter box; the checked entries always stay in view. */
  filterable?: boolean;
  emptyText?: string;
}

/** A fieldset of checkboxes with its error announced, for the rule editor's pickers. */
export function CheckboxGroup({ legend, hint, choices, selected, onChange, error, filterable, emptyText }: CheckboxGroupProps) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = needle ? choices.filter((choice) => selected.includes(choice.value) || choice.label.toLowerCase().includes(needle)) : choices;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-gray-700">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      )}
      {filterable && choices.length > 8 && (
        <input
          type="search"
          aria-label={`Filter ${legend.toLowerCase()}`}
          placeholder="Type to filter…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className={`${inputClass()} max-w-sm`}
        />
      )}
      {choices.length === 0 ? (
        <p className="mt-1 text-sm text-gray-500">{emptyText ?? "Nothing to pick."}</p>
      ) : (
        <div className={`mt-1 flex flex-wrap gap-x-4 gap-y-1 ${filterable ? "max-h-48 overflow-y-auto rounded-md border border-gray-200 p-2" : ""}`}>
          {shown.map((choice) => (
            <label key={choice.value} className={`flex items-center gap-2 text-sm ${choice.disabled ? "text-gray-500" : "text-gray-800"}`}>
              <input
                type="checkbox"
                checked={selected.includes(choice.value)}
                disabled={choice.disabled && !selected.includes(choice.value)}
                onChange={(event) => onChange(choice.value, event.target.checked)}
                className="h-4 w-4 rounded border-gray-300"
              />
              {choice.label}
            </label>
          ))}
          {shown.length === 0 && <p className="text-sm text-gray-500">No match.</p>}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
