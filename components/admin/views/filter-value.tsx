"use client";

import { useTranslations } from "next-intl";
import { rowControlClass } from "@/components/admin/properties/row-control-class";
import type { ViewFieldChoice, ViewFilterOp } from "@/lib/views/view-fields";

export interface FilterRow {
  key: string;
  field: string;
  op: ViewFilterOp;
  /** Typed text, or the picked values of an `in` over a field with choices. */
  value: string;
  picked: string[];
}

interface FilterValueProps {
  row: FilterRow;
  /** The filter's place in the list, which names its controls ("Value of filter 2"). */
  number: number;
  choice?: ViewFieldChoice;
  /** The id of the value's error message, when there is one. */
  errorId?: string;
  onChange: (row: FilterRow) => void;
}

/** The value of one filter, as its field and operator call for: nothing, boxes to tick, a list, or typed text. */
export function FilterValue({ row, number, choice, errorId, onChange }: FilterValueProps) {
  const t = useTranslations("adminViews");
  const label = t("filterValue", { number });
  const invalid = errorId ? true : undefined;
  const className = `${rowControlClass(Boolean(errorId))} w-full`;
  if (row.op === "empty" || row.op === "not_empty") {
    return (
      <span className="py-2 text-sm text-gray-600">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noValueNeeded")}</span>
      </span>
    );
  }
  if (choice?.choices && row.op === "in") {
    return (
      <fieldset aria-describedby={errorId} className="min-w-0">
        <legend className="sr-only">{label}</legend>
        <div className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-y-auto rounded-md border border-gray-500 p-2">
          {choice.choices.map((entry) => (
            <label key={entry.id} className="flex min-w-0 items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={row.picked.includes(entry.id)}
                onChange={(event) => onChange({ ...row, picked: event.target.checked ? [...row.picked, entry.id] : row.picked.filter((id) => id !== entry.id) })}
                className="h-4 w-4 shrink-0 rounded border-gray-300"
              />
              {entry.label}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (choice?.choices) {
    return (
      <select aria-label={label} aria-invalid={invalid} aria-describedby={errorId} value={row.value} onChange={(event) => onChange({ ...row, value: event.target.value })} className={className}>
        <option value="">{t("pick")}</option>
        {choice.choices.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.label}
          </option>
        ))}
      </select>
    );
  }
  const type = row.op !== "in" && (choice?.kind === "date" || choice?.kind === "instant") ? "date" : row.op !== "in" && choice?.kind === "number" ? "number" : "text";
  return (
    <input
      aria-label={label}
      aria-invalid={invalid}
      aria-describedby={errorId}
      type={type}
      step={type === "number" ? "any" : undefined}
      value={row.value}
      placeholder={row.op === "in" ? t("valuesPlaceholder") : undefined}
      onChange={(event) => onChange({ ...row, value: event.target.value })}
      className={className}
    />
  );
}
