"use client";

import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { rowControlClass } from "./row-control-class";

export interface OptionUsage {
  values: number;
  /** What refers to the option ("access rule “A”"): it cannot be removed while something does. */
  referencedBy: string | null;
}

interface Row {
  key: string;
  id?: string;
  label: string;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function plural(count: number, one: string, many: string) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

/**
 * The options of a choice property: add, relabel, reorder, remove (undoable until saved). Submitted as
 * `options.<index>.id` / `options.<index>.label`, in display order; errors come back under the same keys.
 */
export function OptionsEditor({
  initial,
  usage = {},
  fields,
  blankRows = 0,
}: {
  initial: { id: string; label: string }[];
  usage?: Record<string, OptionUsage>;
  fields: Record<string, string>;
  blankRows?: number;
}) {
  const [rows, setRows] = useState<Row[]>(() => [
    ...initial.map((option) => ({ key: option.id, id: option.id, label: option.label })),
    ...Array.from({ length: blankRows }, () => ({ key: newKey(), label: "" })),
  ]);
  const [removed, setRemoved] = useState<Row[]>([]);

  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const remove = (index: number) => {
    const row = rows[index]!;
    setRows((current) => current.filter((_, i) => i !== index));
    if (row.id) setRemoved((current) => [...current, row]);
  };
  const undo = (row: Row) => {
    setRemoved((current) => current.filter((entry) => entry.key !== row.key));
    setRows((current) => [...current, row]);
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-gray-700">Options</legend>
      <input type="hidden" name="hasOptions" value="1" />
      {fields.options && (
        <p id="options-error" className="text-sm text-red-700">
          {fields.options}
        </p>
      )}
      <ol className="space-y-2">
        {rows.map((row, index) => {
          const error = fields[`options.${index}.label`] ?? fields[`options.${index}.id`];
          const info = row.id ? usage[row.id] : undefined;
          return (
            <li key={row.key} className="rounded-md border border-gray-200 bg-white p-2">
              <div className="flex flex-wrap items-center gap-2">
                <input type="hidden" name={`options.${index}.id`} value={row.id ?? ""} />
                <span className="w-6 text-right text-xs tabular-nums text-gray-400">{index + 1}.</span>
                <input
                  name={`options.${index}.label`}
                  value={row.label}
                  onChange={(event) => {
                    const label = event.target.value;
                    setRows((current) => current.map((entry) => (entry.key === row.key ? { ...entry, label } : entry)));
                  }}
                  aria-label={`Option ${index + 1}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `option-${row.key}-error` : undefined}
                  placeholder="Label"
                  className={`${rowControlClass(Boolean(error))} min-w-0 flex-1`}
                />
                <span className="w-20 text-xs text-gray-500">
                  {row.id ? (info && info.values > 0 ? plural(info.values, "value", "values") : "unused") : "new"}
                </span>
                <button type="button" className={buttonStyles.secondary} onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move option ${index + 1} up`}>
                  ↑
                </button>
                <button
                  type="button"
                  className={buttonStyles.secondary}
                  onClick={() => move(index, 1)}
                  disabled={index === rows.length - 1}
                  aria-label={`Move option ${index + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className={buttonStyles.secondary}
                  onClick={() => remove(index)}
                  disabled={Boolean(info?.referencedBy)}
                  title={info?.referencedBy ? `Used by ${info.referencedBy}: change it first.` : undefined}
                >
                  Remove
                </button>
              </div>
              {info?.referencedBy && <p className="mt-1 pl-8 text-xs text-gray-500">Used by {info.referencedBy}: it cannot be removed while they name it.</p>}
              {error && (
                <p id={`option-${row.key}-error`} className="mt-1 pl-8 text-sm text-red-700">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className={buttonStyles.secondary} onClick={() => setRows((current) => [...current, { key: newKey(), label: "" }])}>
        Add an option
      </button>
      {removed.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Removed when you save:</p>
          <ul className="mt-1 space-y-1">
            {removed.map((row) => {
              const values = row.id ? (usage[row.id]?.values ?? 0) : 0;
              return (
                <li key={row.key} className="flex flex-wrap items-center gap-2">
                  <span>
                    “{row.label}”{values > 0 ? ` — ${plural(values, "user or object loses", "users and objects lose")} this value` : ""}
                  </span>
                  <button type="button" className="text-sm font-medium text-amber-900 underline" onClick={() => undo(row)}>
                    Undo
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
