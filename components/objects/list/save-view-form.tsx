"use client";

import { useTranslations } from "next-intl";
import { savePersonalViewAction } from "@/app/(app)/objects/view-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { ObjectType } from "@/db/schema";

/** Saves the list's current filters and sort as a personal view (a disclosure, out of the way until wanted). */
export function SaveViewForm({ objectType, params }: { objectType: ObjectType; params: string }) {
  const t = useTranslations("workspace.views");
  const { state, formAction, onSubmit, pending } = useKeptFormAction(savePersonalViewAction, null);
  const failed = state && !state.ok ? state.error : null;
  return (
    <details className="rounded-lg border border-gray-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-gray-800">{t("saveSummary")}</summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormStatus error={failed} />
        <FormField id="view-name" label={t("name")} error={failed?.fields?.name} hint={t("saveHint")}>
          {(describedBy, invalid) => (
            <input
              id="view-name"
              name="name"
              required
              maxLength={100}
              defaultValue={state?.values.name}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            />
          )}
        </FormField>
        <input type="hidden" name="objectType" value={objectType} />
        <input type="hidden" name="params" value={params} />
        <button type="submit" disabled={pending} className={buttonStyles.secondary}>
          {pending ? t("saving") : t("save")}
        </button>
      </form>
    </details>
  );
}
