"use client";

import { useActionState, useState } from "react";
import { createSharedViewAction, updateSharedViewAction } from "@/app/(app)/admin/views/actions";
import { rowControlClass } from "@/components/admin/properties/row-control-class";
import { submitWithoutReset } from "@/components/ui/kept-form-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { FormState } from "@/lib/gate/define-action";
import { viewFilterOpLabels, type ViewFieldChoice, type ViewFilterOp } from "@/lib/views/view-fields";
import { NameField } from "@/components/admin/name-field";

export interface EditableView {
  id?: string;
  version?: number;
  name: string;
  objectType: string;
  columns: string[];
  filters: { field: string; op: ViewFilterOp; value?: unknown }[];
  sort: { field: string; direction: "asc" | "desc" }[];
}

interface FilterRow {
  key: string;
  field: string;
  op: ViewFilterOp;
  /** Typed text, or the picked values of an `in` over a field with choices. */
  value: string;
  picked: string[];
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

function RowError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

function FilterValue({ row, choice, error, onChange }: { row: FilterRow; choice?: ViewFieldChoice; error?: string; onChange: (row: FilterRow) => void }) {
  const label = `Value of filter on ${choice?.label ?? "this field"}`;
  const className = `${rowControlClass(Boolean(error))} w-full`;
  if (row.op === "empty" || row.op === "not_empty") return <span className="text-sm text-gray-400">—</span>;
  if (choice?.choices && row.op === "in") {
    return (
      <fieldset className="flex max-h-32 flex-wrap gap-x-3 gap-y-1 overflow-y-auto rounded-md border border-gray-200 p-2" aria-label={label}>
        {choice.choices.map((entry) => (
          <label key={entry.id} className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={row.picked.includes(entry.id)}
              onChange={(event) =>
                onChange({ ...row, picked: event.target.checked ? [...row.picked, entry.id] : row.picked.filter((id) => id !== entry.id) })
              }
              className="h-4 w-4 rounded border-gray-300"
            />
            {entry.label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (choice?.choices) {
    return (
      <select aria-label={label} value={row.value} onChange={(event) => onChange({ ...row, value: event.target.value })} className={className}>
        <option value="">Pick…</option>
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
      type={type}
      step={type === "number" ? "any" : undefined}
      value={row.value}
      placeholder={row.op === "in" ? "Values, separated by commas" : undefined}
      onChange={(event) => onChange({ ...row, value: event.target.value })}
      className={className}
    />
  );
}

/**
 * A shared view: its name, its columns in order, its filters (field, operator, value) and its sort. The whole
 * configuration travels as one JSON field; field errors come back keyed like the API's (`filters.2.value`).
 */
export function ViewEditForm({ view, fields: choices }: { view: EditableView; fields: ViewFieldChoice[] }) {
  const editing = Boolean(view.id);
  const action: (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>> = editing
    ? (updateSharedViewAction as (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>)
    : createSharedViewAction;
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.error.fields ?? {};
  const byField = new Map(choices.map((choice) => [choice.field, choice]));
  const labelOf = (field: string) => byField.get(field)?.label ?? "(a property that no longer exists)";

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
  const moveColumn = (index: number, by: -1 | 1) =>
    setColumns((current) => {
      const next = [...current];
      const [field] = next.splice(index, 1);
      next.splice(index + by, 0, field!);
      return next;
    });
  const updateFilter = (row: FilterRow) => setFilters((current) => current.map((entry) => (entry.key === row.key ? row : entry)));

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-6" noValidate>
      <FormStatus error={failed?.error} success={state?.ok ? "Saved." : null} />

      <section className="rounded-lg border border-gray-200 bg-white p-6">
        <NameField
          key={`${view.id}-${view.version}`}
          id="name"
          defaultValue={failed ? (failed.values.name ?? "") : view.name}
          error={errors.name}
        />
      </section>

      <section aria-labelledby="columns-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-6">
        <h2 id="columns-heading" className="text-base font-semibold text-gray-900">
          Columns
        </h2>
        <RowError id="columns-error" message={errors.columns} />
        <ol className="space-y-2">
          {columns.map((field, index) => (
            <li key={field} className="flex flex-wrap items-center gap-2 rounded-md border border-gray-200 px-2 py-1.5">
              <span className="w-6 text-right text-xs tabular-nums text-gray-400">{index + 1}.</span>
              <span className="flex-1 text-sm text-gray-900">{labelOf(field)}</span>
              <button type="button" className={buttonStyles.secondary} disabled={index === 0} onClick={() => moveColumn(index, -1)} aria-label={`Move ${labelOf(field)} left`}>
                ↑
              </button>
              <button
                type="button"
                className={buttonStyles.secondary}
                disabled={index === columns.length - 1}
                onClick={() => moveColumn(index, 1)}
                aria-label={`Move ${labelOf(field)} right`}
              >
                ↓
              </button>
              <button type="button" className={buttonStyles.secondary} onClick={() => setColumns((current) => current.filter((entry) => entry !== field))}>
                Remove
              </button>
              <RowError id={`column-${index}-error`} message={errors[`columns.${index}`]} />
            </li>
          ))}
        </ol>
        {unused.length > 0 && (
          <div className="flex flex-wrap items-center gap-2">
            <select aria-label="Column to add" value={adding} onChange={(event) => setAdding(event.target.value)} className={rowControlClass()}>
              <option value="">Add a column…</option>
              {unused.map((choice) => (
                <option key={choice.field} value={choice.field}>
                  {choice.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={!adding}
              onClick={() => {
                setColumns((current) => [...current, adding]);
                setAdding("");
              }}
            >
              Add
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="filters-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-6">
        <div>
          <h2 id="filters-heading" className="text-base font-semibold text-gray-900">
            Filters
          </h2>
          <p className="text-xs text-gray-500">Every filter must hold. Filters only narrow the list: nobody sees an object their access does not allow.</p>
        </div>
        {filters.length === 0 && <p className="text-sm text-gray-500">No filter: the list shows every object its user may see.</p>}
        <ol className="space-y-2">
          {filters.map((row, index) => {
            const choice = byField.get(row.field);
            const ops = choice?.ops ?? [row.op];
            return (
              <li key={row.key} className="rounded-md border border-gray-200 p-2">
                <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,12rem)_minmax(0,1.5fr)_auto] sm:items-start">
                  <select
                    aria-label={`Field of filter ${index + 1}`}
                    value={row.field}
                    onChange={(event) => {
                      const next = byField.get(event.target.value);
                      updateFilter({ ...row, field: event.target.value, op: next?.ops[0] ?? "eq", value: "", picked: [] });
                    }}
                    className={`${rowControlClass(Boolean(errors[`filters.${index}.field`]))} w-full`}
                  >
                    {!choice && <option value={row.field}>{labelOf(row.field)}</option>}
                    {choices.map((entry) => (
                      <option key={entry.field} value={entry.field}>
                        {entry.label}
                      </option>
                    ))}
                  </select>
                  <select
                    aria-label={`Operator of filter ${index + 1}`}
                    value={row.op}
                    onChange={(event) => updateFilter({ ...row, op: event.target.value as ViewFilterOp })}
                    className={`${rowControlClass(Boolean(errors[`filters.${index}.op`]))} w-full`}
                  >
                    {ops.map((op) => (
                      <option key={op} value={op}>
                        {viewFilterOpLabels[op]}
                      </option>
                    ))}
                  </select>
                  <FilterValue row={row} choice={choice} error={errors[`filters.${index}.value`]} onChange={updateFilter} />
                  <button type="button" className={buttonStyles.secondary} onClick={() => setFilters((current) => current.filter((entry) => entry.key !== row.key))}>
                    Remove
                  </button>
                </div>
                <RowError id={`filter-${index}-error`} message={errors[`filters.${index}.field`] ?? errors[`filters.${index}.op`] ?? errors[`filters.${index}.value`]} />
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={() => {
            const first = choices[0];
            if (first) setFilters((current) => [...current, { key: nextKey(), field: first.field, op: first.ops[0] ?? "eq", value: "", picked: [] }]);
          }}
        >
          Add a filter
        </button>
      </section>

      <section aria-labelledby="sort-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-6">
        <div>
          <h2 id="sort-heading" className="text-base font-semibold text-gray-900">
            Sort
          </h2>
          <p className="text-xs text-gray-500">Up to three fields, the first one first. Without a sort, the newest objects come first.</p>
        </div>
        <ol className="space-y-2">
          {sort.map((row, index) => (
            <li key={row.key} className="rounded-md border border-gray-200 p-2">
              <div className="flex flex-wrap items-center gap-2">
                <select
                  aria-label={`Sort field ${index + 1}`}
                  value={row.field}
                  onChange={(event) => setSort((current) => current.map((entry) => (entry.key === row.key ? { ...entry, field: event.target.value } : entry)))}
                  className={`${rowControlClass(Boolean(errors[`sort.${index}.field`]))} min-w-0 flex-1`}
                >
                  {!byField.has(row.field) && <option value={row.field}>{labelOf(row.field)}</option>}
                  {sortable.map((entry) => (
                    <option key={entry.field} value={entry.field}>
                      {entry.label}
                    </option>
                  ))}
                </select>
                <select
                  aria-label={`Direction of sort ${index + 1}`}
                  value={row.direction}
                  onChange={(event) =>
                    setSort((current) => current.map((entry) => (entry.key === row.key ? { ...entry, direction: event.target.value as "asc" | "desc" } : entry)))
                  }
                  className={rowControlClass()}
                >
                  <option value="asc">Ascending</option>
                  <option value="desc">Descending</option>
                </select>
                <button type="button" className={buttonStyles.secondary} onClick={() => setSort((current) => current.filter((entry) => entry.key !== row.key))}>
                  Remove
                </button>
              </div>
              <RowError id={`sort-${index}-error`} message={errors[`sort.${index}.field`]} />
            </li>
          ))}
        </ol>
        {sort.length < 3 && sortable.length > 0 && (
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => setSort((current) => [...current, { key: nextKey(), field: sortable[0]!.field, direction: "asc" }])}
          >
            Add a sort
          </button>
        )}
        <RowError id="sort-error" message={errors.sort} />
      </section>

      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Saving…" : editing ? "Save view" : "Create shared view"}
      </button>
      {view.id && <input type="hidden" name="id" value={view.id} />}
      {view.version !== undefined && <input type="hidden" name="version" value={view.version} />}
      <input type="hidden" name="objectType" value={view.objectType} />
      <input type="hidden" name="config" value={config} />
    </form>
  );
}
