"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createPropertyAction } from "@/app/(app)/admin/properties/actions";
import { submitWithoutReset } from "@/components/ui/kept-form-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { OptionsEditor } from "./options-editor";
import { NameField } from "@/components/admin/name-field";

export interface Choice {
  value: string;
  label: string;
}

/** A new property: name, what it applies to, its type (fixed from then on), options or relation target. */
export function PropertyCreateForm({ targets, types, appliesTo }: { targets: Choice[]; types: Choice[]; appliesTo: string }) {
  const t = useTranslations("adminProperties");
  const [state, formAction, pending] = useActionState(createPropertyAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const fields = state && !state.ok ? (state.error.fields ?? {}) : {};
  const [type, setType] = useState(values?.type ?? "text");
  const choice = type === "single_choice" || type === "multi_choice";

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="max-w-2xl space-y-5 rounded-lg border border-gray-200 bg-white p-6" noValidate>
      <FormStatus error={state && !state.ok ? state.error : null} />
      <NameField id="name" defaultValue={values?.name ?? ""} error={fields.name} />
      <FormField id="appliesTo" label={t("appliesTo")} error={fields.appliesTo}>
        {(describedBy, invalid) => (
          <select
            id="appliesTo"
            name="appliesTo"
            defaultValue={values?.appliesTo ?? appliesTo}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          >
            {targets.map((target) => (
              <option key={target.value} value={target.value}>
                {target.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="type" label={t("type")} error={fields.type} hint={t("typeHint")}>
        {(describedBy, invalid) => (
          <select
            id="type"
            name="type"
            value={type}
            onChange={(event) => setType(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          >
            {types.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {type === "relation" && (
        <FormField
          id="targetType"
          label={t("pointsAt")}
          error={fields.targetType}
          hint={t("pointsAtHint")}
        >
          {(describedBy, invalid) => (
            <select
              id="targetType"
              name="targetType"
              defaultValue={values?.targetType ?? "user"}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            >
              {targets.map((target) => (
                <option key={target.value} value={target.value}>
                  {target.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {choice && <OptionsEditor initial={[]} fields={fields} blankRows={2} />}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
