"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { updateTemplateAction } from "@/app/(app)/admin/templates/actions";
import { NameField } from "@/components/admin/name-field";
import { FieldMessage } from "@/components/admin/properties/field-message";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { submitWithoutReset } from "@/components/ui/kept-form-action";
import type { PropertyType } from "@/db/schema/enums";

export interface TemplateFormProperty {
  id: string;
  name: string;
  type: PropertyType;
  /** What the input takes: the property's type, or how to write object references. */
  hint: string;
  /** Relations to objects: a reference to show as an example (DOC-000123). */
  referenceExample?: string;
  /** Relations to users: picked among the organisation's users. */
  pointsAtUsers: boolean;
  options?: { id: string; label: string }[];
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

/** Checkboxes named `<name>.<entry id>`, in a scrolling box, with the group's error. */
function CheckboxList({
  id,
  name,
  legend,
  entries,
  checked,
  error,
  emptyText,
}: {
  id: string;
  name: string;
  legend: string;
  entries: { id: string; label: string }[];
  checked: (entry: string) => boolean;
  error?: string;
  emptyText?: string;
}) {
  const t = useTranslations("adminTemplates");
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} className="min-w-0">
      <legend className="block text-sm font-medium text-gray-700">{legend}</legend>
      <div className="mt-1 flex max-h-48 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-gray-500 p-2 [overflow-wrap:anywhere]">
        {entries.length === 0 && <span className="text-sm text-gray-600">{emptyText ?? t("nothingToPick")}</span>}
        {entries.map((entry) => (
          <label key={entry.id} className="flex min-w-0 items-center gap-1.5 text-sm text-gray-800">
            <input type="checkbox" name={`${name}.${entry.id}`} defaultChecked={checked(entry.id)} className="h-4 w-4 shrink-0 rounded border-gray-300" />
            {entry.label}
          </label>
        ))}
      </div>
      <FieldMessage id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** One property's default value input, by type; named `defaultProperties.<id>` (checkboxes: `.<option or user id>`). */
function DefaultValueInput({
  property,
  current,
  values,
  error,
  users,
  referenceText,
}: {
  property: TemplateFormProperty;
  current: unknown;
  values: Values;
  error?: string;
  users: { id: string; name: string; active: boolean }[];
  referenceText?: string;
}) {
  const t = useTranslations("adminTemplates");
  const tCommon = useTranslations("common");
  const name = `defaultProperties.${property.id}`;
  const id = `property-${property.id}`;
  const text = values ? (values[name] ?? "") : current === undefined || current === null ? "" : String(current);
  const list = Array.isArray(current) ? current.map(String) : [];
  const checked = (entry: string) => (values ? values[`${name}.${entry}`] === "on" : list.includes(entry));

  if (property.type === "multi_choice") {
    return <CheckboxList id={id} name={name} legend={property.name} entries={property.options ?? []} checked={checked} error={error} />;
  }
  if (property.type === "relation" && property.pointsAtUsers) {
    const entries = users.map((user) => ({ id: user.id, label: user.active ? user.name : t("deactivatedUser", { name: user.name }) }));
    return <CheckboxList id={id} name={name} legend={property.name} entries={entries} checked={checked} error={error} />;
  }
  return (
    <FormField id={id} label={property.name} error={error} hint={property.hint}>
      {(describedBy, invalid) => {
        const common = { id, name, "aria-describedby": describedBy, "aria-invalid": invalid || undefined, className: inputClass(invalid) };
        switch (property.type) {
          case "boolean":
            return (
              <select {...common} defaultValue={text}>
                <option value="">{t("noDefault")}</option>
                <option value="true">{tCommon("yes")}</option>
                <option value="false">{tCommon("no")}</option>
              </select>
            );
          case "single_choice":
            return (
              <select {...common} defaultValue={text}>
                <option value="">{t("noDefault")}</option>
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
            return <input {...common} defaultValue={values ? text : (referenceText ?? "")} placeholder={property.referenceExample} />;
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
  const t = useTranslations("adminTemplates");
  const tCommon = useTranslations("common");
  const [state, formAction, pending] = useActionState(updateTemplateAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const fields = failed?.error.fields ?? {};
  const [kind, setKind] = useState(values?.["defaultScope.kind"] ?? template.kind);
  const generation = `${template.id}-${template.version}`;
  const siteChecked = (siteId: string) => (values ? values[`defaultScope.siteIds.${siteId}`] === "on" : template.siteIds.includes(siteId));
  const kindError = fields["defaultScope.kind"];

  return (
    <form key={generation} onSubmit={submitWithoutReset(formAction)} className="space-y-6" noValidate>
      <FormStatus error={failed?.error} success={state?.ok ? t("saved") : null} />
      <section className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <NameField id="name" defaultValue={values ? (values.name ?? "") : template.name} error={fields.name} />
        <fieldset aria-describedby={["scope-kind-hint", kindError && "scope-kind-error"].filter(Boolean).join(" ")} className="min-w-0">
          <legend className="text-sm font-medium text-gray-700">{t("scopeLegend")}</legend>
          <p id="scope-kind-hint" className="text-xs text-gray-600">
            {t("scopeHint")}
          </p>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {scopeKinds.map((entry) => (
              <label
                key={entry.value}
                className={`flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm ${kind === entry.value ? "border-blue-600 bg-blue-50" : "border-gray-300"}`}
              >
                <input
                  type="radio"
                  name="defaultScope.kind"
                  value={entry.value}
                  checked={kind === entry.value}
                  onChange={() => setKind(entry.value)}
                  className="mt-0.5 h-4 w-4 shrink-0"
                />
                <span>
                  <span className="block font-medium text-gray-900">{entry.label}</span>
                  <span className="block text-gray-600">{entry.hint}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldMessage id="scope-kind-error" message={kindError} />
        </fieldset>
        {kind === "sites" && (
          <CheckboxList
            id="scope-sites"
            name="defaultScope.siteIds"
            legend={t("fixedSites")}
            entries={sites.map((site) => ({ id: site.id, label: site.archived ? `${site.name} ${t("archivedSiteNote")}` : site.name }))}
            checked={siteChecked}
            error={fields["defaultScope.siteIds"]}
            emptyText={t("noSites")}
          />
        )}
      </section>
      <section aria-labelledby="defaults-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
        <div>
          <h2 id="defaults-heading" className="text-base font-semibold text-gray-900">
            {t("valuesHeading")}
          </h2>
          <p className="text-xs text-gray-600">{t("valuesHint")}</p>
        </div>
        {properties.length === 0 && <p className="text-sm text-gray-600">{t("noProperties")}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          {properties.map((property) => (
            <DefaultValueInput
              key={property.id}
              property={property}
              current={template.defaultProperties[property.id]}
              values={values}
              error={fields[`defaultProperties.${property.id}`]}
              users={users}
              referenceText={references[property.id]?.text}
            />
          ))}
        </div>
      </section>
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tCommon("actions.saving") : t("save")}
      </button>
      <input type="hidden" name="id" value={template.id} />
      <input type="hidden" name="version" value={template.version} />
    </form>
  );
}
