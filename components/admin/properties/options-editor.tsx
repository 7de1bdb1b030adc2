"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import type { PropertyReferences } from "@/lib/properties/property-usage";
import { arrowAfterMove } from "./arrow-after-move";
import { FieldMessage } from "./field-message";
import { referencesText } from "./references-text";
import { rowControlClass } from "./row-control-class";
import { useFocusAfterRender } from "./use-focus-after-render";

export interface OptionUsage {
  values: number;
  /** The rules and watermarks that name the option: it cannot be removed while something does. */
  referencedBy: PropertyReferences | null;
}

interface Row {
  key: string;
  id?: string;
  label: string;
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

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
  const t = useTranslations("adminProperties");
  const tCommon = useTranslations("common");
  const focusAfterRender = useFocusAfterRender();
  const [rows, setRows] = useState<Row[]>(() => [
    ...initial.map((option) => ({ key: option.id, id: option.id, label: option.label })),
    ...Array.from({ length: blankRows }, () => ({ key: newKey(), label: "" })),
  ]);
  const [removed, setRemoved] = useState<Row[]>([]);

  const move = (index: number, by: -1 | 1) => {
    focusAfterRender(`option-${rows[index]!.key}-${arrowAfterMove(index, by, rows.length)}`);
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusAfterRender(neighbour ? `option-${neighbour.key}-label` : "options-add");
    setRows((current) => current.filter((_, i) => i !== index));
    if (row.id) setRemoved((current) => [...current, row]);
  };
  const add = () => {
    const key = newKey();
    focusAfterRender(`option-${key}-label`);
    setRows((current) => [...current, { key, label: "" }]);
  };
  const undo = (row: Row) => {
    focusAfterRender(`option-${row.key}-label`);
    setRemoved((current) => current.filter((entry) => entry.key !== row.key));
    setRows((current) => [...current, row]);
  };

  return (
    <fieldset className="space-y-3" aria-describedby={fields.options ? "options-error" : undefined}>
      <legend className="text-sm font-medium text-gray-700">{t("options.legend")}</legend>
      <input type="hidden" name="hasOptions" value="1" />
      <FieldMessage id="options-error" message={fields.options} className="" />
      <ol className="space-y-2">
        {rows.map((row, index) => {
          const error = fields[`options.${index}.label`] ?? fields[`options.${index}.id`];
          const info = row.id ? usage[row.id] : undefined;
          const number = index + 1;
          const describedBy = [error && `option-${row.key}-error`, info?.referencedBy && `option-${row.key}-usage`].filter(Boolean).join(" ") || undefined;
          return (
            <li key={row.key} className="rounded-md border border-gray-200 bg-white p-2">
              <div className="flex flex-wrap items-center gap-2">
                <input type="hidden" name={`options.${index}.id`} value={row.id ?? ""} />
                <span aria-hidden="true" className="w-6 text-right text-xs tabular-nums text-gray-600">
                  {number}.
                </span>
                <input
                  id={`option-${row.key}-label`}
                  name={`options.${index}.label`}
                  value={row.label}
                  onChange={(event) => {
                    const label = event.target.value;
                    setRows((current) => current.map((entry) => (entry.key === row.key ? { ...entry, label } : entry)));
                  }}
                  aria-label={t("options.option", { number })}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                  placeholder={t("options.placeholder")}
                  className={`${rowControlClass(Boolean(error))} min-w-0 flex-1 basis-40`}
                />
                <span className="w-24 text-xs text-gray-600">
                  {row.id ? (info && info.values > 0 ? t("options.values", { count: info.values }) : t("options.unused")) : t("options.new")}
                </span>
                <button
                  id={`option-${row.key}-up`}
                  type="button"
                  className={buttonStyles.secondary}
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={t("options.moveUp", { number })}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  id={`option-${row.key}-down`}
                  type="button"
                  className={buttonStyles.secondary}
                  onClick={() => move(index, 1)}
                  disabled={index === rows.length - 1}
                  aria-label={t("options.moveDown", { number })}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className={buttonStyles.secondary}
                  onClick={() => remove(index)}
                  disabled={Boolean(info?.referencedBy)}
                  aria-label={t("options.remove", { number })}
                >
                  {tCommon("actions.remove")}
                </button>
              </div>
              {info?.referencedBy && (
                <p id={`option-${row.key}-usage`} className="mt-1 pl-8 text-xs text-gray-600">
                  {t("options.usedBy", { references: referencesText(t, info.referencedBy) })}
                </p>
              )}
              <FieldMessage id={`option-${row.key}-error`} message={error} className="mt-1 pl-8" />
            </li>
          );
        })}
      </ol>
      <button id="options-add" type="button" className={buttonStyles.secondary} onClick={add}>
        {t("options.add")}
      </button>
      {removed.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{t("options.removedHeading")}</p>
          <ul className="mt-1 space-y-1">
            {removed.map((row) => {
              const values = row.id ? (usage[row.id]?.values ?? 0) : 0;
              return (
                <li key={row.key} className="flex flex-wrap items-center gap-2 [overflow-wrap:anywhere]">
                  <span>{values > 0 ? t("options.removedWithValues", { label: row.label, count: values }) : t("options.removed", { label: row.label })}</span>
                  <button
                    type="button"
                    className="rounded text-sm font-medium text-amber-900 underline"
                    onClick={() => undo(row)}
                    aria-label={t("options.undoLabel", { label: row.label })}
                  >
                    {t("options.undo")}
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
