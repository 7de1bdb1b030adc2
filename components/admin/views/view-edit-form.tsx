"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createSharedViewAction, updateSharedViewAction } from "@/app/(app)/admin/views/actions";
import { NameField } from "@/components/admin/name-field";
import { arrowAfterMove } from "@/components/admin/properties/arrow-after-move";
import { FieldMessage } from "@/components/admin/properties/field-message";
import { rowControlClass } from "@/components/admin/properties/row-control-class";
import { useFocusAfterRender } from "@/components/admin/properties/use-focus-after-render";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { submitWithoutReset } from "@/components/ui/kept-form-action";
import type { FormState } from "@/lib/gate/define-action";
import type { ViewFieldChoice, ViewFilterOp } from "@/lib/views/view-fields";
import { FilterValue, type FilterRow } from "./filter-value";

export interface EditableView {
  id?: string;
  version?: number;
  name: string;
  objectType: string;
  columns: string[];
  filters: { field: string; op: ViewFilterOp; value?: unknown }[];
  sort: { field: string; direction: "asc" | "desc" }[];
}

interface SortRow {
  key: string;
  field: string;
  direction: "asc" | "desc";
}

let counter = 0;
const nextKey = () => `row-${++counter}`;

function toRow(filter: EditableView["filters"][number]): FilterRow {
  const list = Array.isArray(filter.value) ? filter.value.map(String) : [];
  const scalar = filter.value === undefined || filter.value === null || Array.isArray(filter.value) ? "" : String(filter.value);
  return { key: nextKey(), field: filter.field, op: filter.op, value: filter.op === "in" ? list.join(", ") : scalar, picked: list };
}

/** What the server receives for one filter row: no value for (not) empty, a list for `in`, the text otherwise. */
function toFilter(row: FilterRow, choice: ViewFieldChoice | undefined) {
  if (row.op === "empty" || row.op === "not_empty") return { field: row.field, op: row.op };
  if (row.op === "in") {
    const values = choice?.choices
      ? row.picked
      : row.value
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean);
    return { field: row.field, op: row.op, value: values };
  }
  return { field: row.field, op: row.op, value: row.value };
}

/** The ids of the messages a control is described by, or nothing. */
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/**
 * A shared view: its name, its columns in order, its filters (field, operator, value) and its sort. The whole
 * configuration travels as one JSON field; field errors come back keyed like the API's (`filters.2.value`). Buttons
 * that add, move or remove a row leave the focus on the row they touched, or on its nearest neighbour.
 */
export function ViewEditForm({ view, fields: choices }: { view: EditableView; fields: ViewFieldChoice[] }) {
  const t = useTranslations("adminViews");
  const tCommon = useTranslations("common");
  const focusAfterRender = useFocusAfterRender();
  const editing = Boolean(view.id);
  const action: (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>> = editing
    ? (updateSharedViewAction as (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>)
    : createSharedViewAction;
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.error.fields ?? {};
  const byField = new Map(choices.map((choice) => [choice.field, choice]));
  const labelOf = (field: string) => byField.get(field)?.label ?? t("deletedProperty");

  const [columns, setColumns] = useState(view.columns);
  const [filters, setFilters] = useState<FilterRow[]>(() => view.filters.map(toRow));
  const [sort, setSort] = useState<SortRow[]>(() => view.sort.map((entry) => ({ key: nextKey(), ...entry })));
  const [adding, setAdding] = useState("");
  const unused = choices.filter((choice) => !columns.includes(choice.field));
  const sortable = choices.filter((choice) => choice.sortable);

  const config = JSON.stringify({
    columns,
    filters: filters.map((row) => toFilter(row, byField.get(row.field))),
    sort: sort.map(({ field, direction }) => ({ field, direction })),
  });
  const columnControl = (field: string, control: "up" | "down" | "remove") => `column-${field}-${control}`;
  const moveColumn = (index: number, by: -1 | 1) => {
    const field = columns[index]!;
    focusAfterRender(columnControl(field, arrowAfterMove(index, by, columns.length)));
    setColumns((current) => {
      const next = [...current];
      next.splice(index, 1);
      next.splice(index + by, 0, field);
      return next;
    });
  };
  const removeColumn = (index: number) => {
    const neighbour = columns[index + 1] ?? columns[index - 1];
    focusAfterRender(neighbour ? columnControl(neighbour, "remove") : "column-to-add");
    setColumns((current) => current.filter((_, at) => at !== index));
  };
  const updateFilter = (row: FilterRow) => setFilters((current) => current.map((entry) => (entry.key === row.key ? row : entry)));
  const addFilter = () => {
    const first = choices[0];
    if (!first) return;
    const key = nextKey();
    focusAfterRender(`filter-${key}-field`);
    setFilters((current) => [...current, { key, field: first.field, op: first.ops[0] ?? "eq", value: "", picked: [] }]);
  };
  const removeFilter = (index: number) => {
    const neighbour = filters[index + 1] ?? filters[index - 1];
    focusAfterRender(neighbour ? `filter-${neighbour.key}-field` : "add-filter");
    setFilters((current) => current.filter((_, at) => at !== index));
  };
  const addSort = () => {
    const key = nextKey();
    focusAfterRender(`sort-${key}-field`);
    setSort((current) => [...current, { key, field: sortable[0]!.field, direction: "asc" }]);
  };
  const removeSort = (index: number) => {
    const neighbour = sort[index + 1] ?? sort[index - 1];
    focusAfterRender(neighbour ? `sort-${neighbour.key}-field` : "add-sort");
    setSort((current) => current.filter((_, at) => at !== index));
  };

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-6 [overflow-wrap:anywhere]" noValidate>
      <FormStatus error={failed?.error} success={state?.ok ? t("saved") : null} />

      <section className="rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <NameField key={`${view.id}-${view.version}`} id="name" defaultValue={failed ? (failed.values.name ?? "") : view.name} error={errors.name} />
      </section>

      <section aria-labelledby="columns-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <h2 id="columns-heading" className="text-base font-semibold text-gray-900">
          {t("columnsHeading")}
        </h2>
        <FieldMessage id="columns-error" message={errors.columns} />
        <ol className="space-y-2">
          {columns.map((field, index) => {
            const label = labelOf(field);
            const error = errors[`columns.${index}`];
            const errorId = error ? `column-${index}-error` : undefined;
            return (
              <li key={field} className="rounded-md border border-gray-200 px-2 py-1.5">
                <div className="flex flex-wrap items-center gap-2">
                  <span aria-hidden="true" className="w-6 text-right text-xs tabular-nums text-gray-600">
                    {index + 1}.
                  </span>
                  <span className="min-w-0 flex-1 basis-32 text-sm text-gray-900">{label}</span>
                  <button
                    id={columnControl(field, "up")}
                    type="button"
                    className={buttonStyles.secondary}
                    disabled={index === 0}
                    onClick={() => moveColumn(index, -1)}
                    aria-label={t("moveUp", { field: label })}
                    aria-describedby={describedBy(errorId)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    id={columnControl(field, "down")}
                    type="button"
                    className={buttonStyles.secondary}
                    disabled={index === columns.length - 1}
                    onClick={() => moveColumn(index, 1)}
                    aria-label={t("moveDown", { field: label })}
                    aria-describedby={describedBy(errorId)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    id={columnControl(field, "remove")}
                    type="button"
                    className={buttonStyles.secondary}
                    onClick={() => removeColumn(index)}
                    aria-label={t("removeColumn", { field: label })}
                    aria-describedby={describedBy(errorId)}
                  >
                    {tCommon("actions.remove")}
                  </button>
                </div>
                <FieldMessage id={`column-${index}-error`} message={error} className="mt-1 pl-8" />
              </li>
            );
          })}
        </ol>
        {unused.length > 0 && (
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0">
              <label htmlFor="column-to-add" className="block text-sm font-medium text-gray-700">
                {t("columnToAdd")}
              </label>
              <select id="column-to-add" value={adding} onChange={(event) => setAdding(event.target.value)} className={`${rowControlClass()} mt-1 max-w-full`}>
                <option value="">{t("pickColumn")}</option>
                {unused.map((choice) => (
                  <option key={choice.field} value={choice.field}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={!adding}
              onClick={() => {
                setColumns((current) => [...current, adding]);
                setAdding("");
              }}
            >
              {t("addColumn")}
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="filters-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <div>
          <h2 id="filters-heading" className="text-base font-semibold text-gray-900">
            {t("filtersHeading")}
          </h2>
          <p className="text-xs text-gray-600">{t("filtersHint")}</p>
        </div>
        {filters.length === 0 && <p className="text-sm text-gray-600">{t("noFilter")}</p>}
        <ol className="space-y-2">
          {filters.map((row, index) => {
            const choice = byField.get(row.field);
            const ops = choice?.ops ?? [row.op];
            const number = index + 1;
            const fieldError = errors[`filters.${index}.field`];
            const opError = errors[`filters.${index}.op`];
            const valueError = errors[`filters.${index}.value`];
            return (
              <li key={row.key} className="rounded-md border border-gray-200 p-2">
                <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)_minmax(0,1.5fr)_auto] sm:items-start">
                  <select
                    id={`filter-${row.key}-field`}
                    aria-label={t("filterField", { number })}
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={describedBy(fieldError && `filter-${row.key}-field-error`)}
                    value={row.field}
                    onChange={(event) => {
                      const next = byField.get(event.target.value);
                      updateFilter({ ...row, field: event.target.value, op: next?.ops[0] ?? "eq", value: "", picked: [] });
                    }}
                    className={`${rowControlClass(Boolean(fieldError))} w-full`}
                  >
                    {!choice && <option value={row.field}>{labelOf(row.field)}</option>}
                    {choices.map((entry) => (
                      <option key={entry.field} value={entry.field}>
                        {entry.label}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={t("filterOp", { number })}
                    aria-invalid={opError ? true : undefined}
                    aria-describedby={describedBy(opError && `filter-${row.key}-op-error`)}
                    value={row.op}
                    onChange={(event) => updateFilter({ ...row, op: event.target.value as ViewFilterOp })}
                    className={`${rowControlClass(Boolean(opError))} w-full`}
                  >
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {t(`ops.${op}`)}
                      </option>
                    ))}
                  </select>
                  <FilterValue row={row} number={number} choice={choice} errorId={valueError ? `filter-${row.key}-value-error` : undefined} onChange={updateFilter} />
                  <button type="button" className={buttonStyles.secondary} onClick={() => removeFilter(index)} aria-label={t("removeFilter", { number })}>
                    {tCommon("actions.remove")}
                  </button>
                </div>
                <FieldMessage id={`filter-${row.key}-field-error`} message={fieldError} />
                <FieldMessage id={`filter-${row.key}-op-error`} message={opError} />
                <FieldMessage id={`filter-${row.key}-value-error`} message={valueError} />
              </li>
            );
          })}
        </ol>
        {choices.length > 0 && (
          <button id="add-filter" type="button" className={buttonStyles.secondary} onClick={addFilter}>
            {t("addFilter")}
          </button>
        )}
      </section>

      <section aria-labelledby="sort-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <div>
          <h2 id="sort-heading" className="text-base font-semibold text-gray-900">
            {t("sortHeading")}
          </h2>
          <p className="text-xs text-gray-600">{t("sortHint")}</p>
        </div>
        <ol className="space-y-2">
          {sort.map((row, index) => {
            const number = index + 1;
            const error = errors[`sort.${index}.field`];
            return (
              <li key={row.key} className="rounded-md border border-gray-200 p-2">
                <div className="flex flex-wrap items-center gap-2">
                  <select
                    id={`sort-${row.key}-field`}
                    aria-label={t("sortField", { number })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy(error && `sort-${row.key}-error`)}
                    value={row.field}
                    onChange={(event) => setSort((current) => current.map((entry) => (entry.key === row.key ? { ...entry, field: event.target.value } : entry)))}
                    className={`${rowControlClass(Boolean(error))} min-w-0 flex-1 basis-40`}
                  >
                    {!byField.has(row.field) && <option value={row.field}>{labelOf(row.field)}</option>}
                    {sortable.map((entry) => (
                      <option key={entry.field} value={entry.field}>
                        {entry.label}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={t("sortDirection", { number })}
                    value={row.direction}
                    onChange={(event) =>
                      setSort((current) => current.map((entry) => (entry.key === row.key ? { ...entry, direction: event.target.value as "asc" | "desc" } : entry)))
                    }
                    className={rowControlClass()}
                  >
                    <option value="asc">{t("ascending")}</option>
                    <option value="desc">{t("descending")}</option>
                  </select>
                  <button type="button" className={buttonStyles.secondary} onClick={() => removeSort(index)} aria-label={t("removeSort", { number })}>
                    {tCommon("actions.remove")}
                  </button>
                </div>
                <FieldMessage id={`sort-${row.key}-error`} message={error} />
              </li>
            );
          })}
        </ol>
        {sort.length < 3 && sortable.length > 0 && (
          <button id="add-sort" type="button" className={buttonStyles.secondary} onClick={addSort}>
            {t("addSort")}
          </button>
        )}
        <FieldMessage id="sort-error" message={errors.sort} />
      </section>

      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tCommon("actions.saving") : editing ? t("save") : t("create")}
      </button>
      {view.id && <input type="hidden" name="id" value={view.id} />}
      {view.version !== undefined && <input type="hidden" name="version" value={view.version} />}
      <input type="hidden" name="objectType" value={view.objectType} />
      <input type="hidden" name="config" value={config} />
    </form>
  );
}
