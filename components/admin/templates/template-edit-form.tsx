"use client";

import { useActionState, useState } from "react";
import { updateTemplateAction } from "@/app/(app)/admin/templates/actions";
import { submitWithoutReset } from "@/components/ui/kept-form-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { NameField } from "@/components/admin/name-field";

export interface TemplateFormProperty {
  id: string;
  name: string;
  type: "text" | "number" | "date" | "boolean" | "single_choice" | "multi_choice" | "relation";
  typeLabel: string;
  options?: { id: string; label: string }[];
  /** Relations: "user", or the plural of the object type they point at. */
  target?: { kind: "user" } | { kind: "object"; label: string; prefix: string };
}

export interface TemplateFormData {
  id: string;
  name: string;
  version: number;
  kind: string;
  siteIds: string[];
  defaultProperties: Record<string, unknown>;
}

type Values = Record<string, string> | undefined;

/** One property's default value input, by type; named `defaultProperties.<id>` (checkboxes: `.<option or user id>`). */
function DefaultValueInput({
  property,
  current,
  values,
  error,
  users,
  reference,
}: {
  property: TemplateFormProperty;
  current: unknown;
  values: Values;
  error?: string;
  users: { id: string; name: string; active: boolean }[];
  reference?: { text: string; hidden: number };
}) {
  const name = `defaultProperties.${property.id}`;
  const id = `property-${property.id}`;
  const text = values ? (values[name] ?? "") : current === undefined || current === null ? "" : String(current);
  const list = Array.isArray(current) ? current.map(String) : [];
  const checked = (entry: string) => (values ? values[`${name}.${entry}`] === "on" : list.includes(entry));
  const boxes = (entries: { id: string; label: string }[]) => (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="block text-sm font-medium text-gray-700">{property.name}</legend>
      <div className="mt-1 flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-gray-200 p-2">
        {entries.length === 0 && <span className="text-sm text-gray-500">Nothing to pick.</span>}
        {entries.map((entry) => (
          <label key={entry.id} className="flex items-center gap-1.5 text-sm text-gray-800">
            <input type="checkbox" name={`${name}.${entry.id}`} defaultChecked={checked(entry.id)} className="h-4 w-4 rounded border-gray-300" />
            {entry.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );

  if (property.type === "multi_choice") return boxes(property.options ?? []);
  if (property.type === "relation" && property.target?.kind === "user") {
    return boxes(users.map((user) => ({ id: user.id, label: user.active ? user.name : `${user.name} (deactivated)` })));
  }
  const hint =
    property.type === "relation" && property.target?.kind === "object"
      ? `References of ${property.target.label.toLowerCase()}, separated by commas (${property.target.prefix}-000123).${
          reference && reference.hidden > 0 ? ` ${reference.hidden} linked object(s) you cannot see will be dropped if you save.` : ""
        }`
      : property.typeLabel;
  return (
    <FormField id={id} label={property.name} error={error} hint={hint}>
      {(describedBy, invalid) => {
        const common = { id, name, "aria-describedby": describedBy, "aria-invalid": invalid || undefined, className: inputClass(invalid) };
        switch (property.type) {
          case "boolean":
            return (
              <select {...common} defaultValue={text}>
                <option value="">No default</option>
                <option value="true">Yes</option>
                <option value="false">No</option>
              </select>
            );
          case "single_choice":
            return (
              <select {...common} defaultValue={text}>
                <option value="">No default</option>
                {(property.options ?? []).map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            );
          case "number":
            return <input {...common} type="number" step="any" inputMode="decimal" defaultValue={text} />;
          case "date":
            return <input {...common} type="date" defaultValue={text} />;
          case "relation":
            return <input {...common} defaultValue={values ? text : (reference?.text ?? "")} placeholder={property.target?.kind === "object" ? `${property.target.prefix}-000123` : undefined} />;
          default:
            return <input {...common} defaultValue={text} />;
        }
      }}
    </FormField>
  );
}

/** A template's name, default scope (with its fixed sites) and default property values. */
export function TemplateEditForm({
  template,
  scopeKinds,
  sites,
  properties,
  users,
  references,
}: {
  template: TemplateFormData;
  scopeKinds: { value: string; label: string; hint: string }[];
  sites: { id: string; name: string; archived: boolean }[];
  properties: TemplateFormProperty[];
  users: { id: string; name: string; active: boolean }[];
  references: Record<string, { text: string; hidden: number }>;
}) {
  const [state, formAction, pending] = useActionState(updateTemplateAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const fields = failed?.error.fields ?? {};
  const [kind, setKind] = useState(values?.["defaultScope.kind"] ?? template.kind);
  const generation = `${template.id}-${template.version}`;
  const siteChecked = (siteId: string) => (values ? values[`defaultScope.siteIds.${siteId}`] === "on" : template.siteIds.includes(siteId));

  return (
    <form key={generation} onSubmit={submitWithoutReset(formAction)} className="space-y-6" noValidate>
      <FormStatus error={failed?.error} success={state?.ok ? "Saved. New objects made from this template use it from now on." : null} />
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <NameField id="name" defaultValue={values ? (values.name ?? "") : template.name} error={fields.name} />
        <fieldset aria-describedby={fields["defaultScope.kind"] ? "scope-kind-error" : undefined}>
          <legend className="text-sm font-medium text-gray-700">Default scope</legend>
          <p className="text-xs text-gray-500">Who may see a new object at most (its access rules still apply). The creator can change it later from the Share menu.</p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {scopeKinds.map((entry) => (
              <label
                key={entry.value}
                className={`flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm ${kind === entry.value ? "border-blue-500 bg-blue-50" : "border-gray-200"}`}
              >
                <input
                  type="radio"
                  name="defaultScope.kind"
                  value={entry.value}
                  checked={kind === entry.value}
                  onChange={() => setKind(entry.value)}
                  className="mt-0.5 h-4 w-4"
                />
                <span>
                  <span className="block font-medium text-gray-900">{entry.label}</span>
                  <span className="block text-gray-600">{entry.hint}</span>
                </span>
              </label>
            ))}
          </div>
          {fields["defaultScope.kind"] && (
            <p id="scope-kind-error" className="mt-1 text-sm text-red-700">
              {fields["defaultScope.kind"]}
            </p>
          )}
        </fieldset>
        {kind === "sites" && (
          <fieldset aria-describedby={fields["defaultScope.siteIds"] ? "scope-sites-error" : undefined}>
            <legend className="text-sm font-medium text-gray-700">Fixed sites</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 rounded-md border border-gray-200 p-2">
              {sites.length === 0 && <span className="text-sm text-gray-500">The organisation has no site.</span>}
              {sites.map((site) => (
                <label key={site.id} className="flex items-center gap-1.5 text-sm text-gray-800">
                  <input type="checkbox" name={`defaultScope.siteIds.${site.id}`} defaultChecked={siteChecked(site.id)} className="h-4 w-4 rounded border-gray-300" />
                  {site.name}
                  {site.archived && <span className="text-xs text-gray-500">(archived: can stay, cannot be picked again)</span>}
                </label>
              ))}
            </div>
            {fields["defaultScope.siteIds"] && (
              <p id="scope-sites-error" className="mt-1 text-sm text-red-700">
                {fields["defaultScope.siteIds"]}
              </p>
            )}
          </fieldset>
        )}
      </section>
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-6">
        <div>
          <h2 className="text-base font-semibold text-gray-900">Default property values</h2>
          <p className="text-xs text-gray-500">Pre-filled in the create form; the creator can change them. Leave empty for no default.</p>
        </div>
        {properties.length === 0 && <p className="text-sm text-gray-500">This type has no custom property yet.</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          {properties.map((property) => (
            <DefaultValueInput
              key={property.id}
              property={property}
              current={template.defaultProperties[property.id]}
              values={values}
              error={fields[`defaultProperties.${property.id}`]}
              users={users}
              reference={references[property.id]}
            />
          ))}
        </div>
      </section>
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Saving…" : "Save template"}
      </button>
      <input type="hidden" name="id" value={template.id} />
      <input type="hidden" name="version" value={template.version} />
    </form>
  );
}
