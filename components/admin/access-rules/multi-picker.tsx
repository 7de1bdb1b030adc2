"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { FieldMessage } from "@/components/admin/properties/field-message";
import { rowControlClass } from "@/components/admin/properties/row-control-class";
import { useFocusAfterRender } from "@/components/admin/properties/use-focus-after-render";
import { matchesQuery } from "./matches-query";

export interface PickerOption {
  value: string;
  label: string;
  /** Shown when already picked, never offered (an archived site or a deactivated user a rule already names). */
  unavailable?: boolean;
}

interface MultiPickerProps {
  label: string;
  hint?: string;
  error?: string;
  options: readonly PickerOption[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  /** Said instead of the search box when there is nothing to pick at all. */
  emptyText: string;
}

// Hundreds of users fit in the list, but a screen reader should not have to walk them: typing narrows it.
const shownAtMost = 50;

/**
 * A searchable multiple choice (the ARIA combobox pattern): one text box that filters a list of options, the picked
 * ones shown as chips above it. Type to filter, arrows to move, Enter to pick, Escape to close; Backspace in the
 * empty box or a chip's button unpicks. One tab stop for the box, one per chip.
 */
export function MultiPicker({ label, hint, error, options, selected, onChange, emptyText }: MultiPickerProps) {
  const t = useTranslations("adminRules.picker");
  const id = useId();
  const focusAfterRender = useFocusAfterRender();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const byValue = new Map(options.map((option) => [option.value, option]));
  const picked = selected.map((value) => byValue.get(value) ?? { value, label: value });
  const offered = options.filter((option) => !option.unavailable && !selected.includes(option.value) && matchesQuery(option.label, query));
  const shown = offered.slice(0, shownAtMost);
  const activeIndex = Math.min(active, shown.length - 1);
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const chipId = (value: string) => `${id}-chip-${value}`;
  const expanded = open && shown.length > 0;

  useEffect(() => {
    if (expanded && activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  const pick = (option: PickerOption) => {
    onChange([...selected, option.value]);
    setQuery("");
    setActive(0);
  };
  const unpick = (value: string) => onChange(selected.filter((entry) => entry !== value));
  const unpickFromChip = (index: number) => {
    const neighbour = picked[index + 1] ?? picked[index - 1];
    focusAfterRender(neighbour ? chipId(neighbour.value) : `${id}-input`);
    unpick(picked[index]!.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + (event.key === "ArrowDown" ? 1 : -1))));
    } else if (event.key === "Enter" && expanded && activeIndex >= 0) {
      event.preventDefault();
      pick(shown[activeIndex]!);
    } else if (event.key === "Escape" && (open || query)) {
      event.preventDefault();
      if (open) setOpen(false);
      else setQuery("");
    } else if (event.key === "Backspace" && query === "" && picked.length > 0) {
      unpick(picked.at(-1)!.value);
    }
  };

  const status = !open ? "" : shown.length === 0 ? t("noMatch") : t("matches", { count: offered.length });
  const describedBy = [hint && `${id}-hint`, `${id}-instructions`, error && `${id}-error`].filter(Boolean).join(" ");

  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-gray-700">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {picked.length > 0 && (
        <ul aria-label={t("picked", { label })} className="mt-1 flex flex-wrap gap-1.5">
          {picked.map((option, index) => (
            <li key={option.value} className="flex min-w-0 items-center gap-1 rounded-full bg-blue-50 py-0.5 pl-2.5 pr-0.5 text-sm text-blue-900 [overflow-wrap:anywhere]">
              <span className="min-w-0">{option.label}</span>
              <button
                id={chipId(option.value)}
                type="button"
                onClick={() => unpickFromChip(index)}
                aria-label={t("remove", { name: option.label })}
                className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-blue-900 hover:bg-blue-100"
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                  <path d="M5 5l10 10M15 5L5 15" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {options.length === 0 ? (
        <p className="mt-1 text-sm text-gray-600">{emptyText}</p>
      ) : (
        <div className="relative mt-1">
          <input
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            placeholder={t("placeholder")}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onClick={() => setOpen(true)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            className={`${rowControlClass(Boolean(error))} w-full max-w-md placeholder:text-gray-500`}
          />
          <div hidden={!expanded} className="absolute z-20 mt-1 w-full max-w-md rounded-md border border-gray-300 bg-white shadow-lg">
            <ul id={listId} role="listbox" aria-label={label} className="max-h-60 overflow-y-auto py-1">
              {shown.map((option, index) => (
                <li
                  key={option.value}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === activeIndex}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                  onMouseMove={() => setActive(index)}
                  className={`cursor-pointer px-3 py-1.5 text-sm [overflow-wrap:anywhere] ${index === activeIndex ? "bg-blue-700 text-white" : "text-gray-900"}`}
                >
                  {option.label}
                </li>
              ))}
            </ul>
            {offered.length > shown.length && (
              <p className="border-t border-gray-200 px-3 py-1.5 text-xs text-gray-600">{t("more", { count: offered.length - shown.length })}</p>
            )}
          </div>
        </div>
      )}
      <p id={`${id}-instructions`} className="sr-only">
        {t("hint")}
      </p>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
      <FieldMessage id={`${id}-error`} message={error} />
    </div>
  );
}
