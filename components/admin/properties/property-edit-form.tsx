"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updatePropertyAction } from "@/app/(app)/admin/properties/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { OptionsEditor, type OptionUsage } from "./options-editor";
import { NameField } from "@/components/admin/name-field";

export interface EditableProperty {
  id: string;
  name: string;
  version: number;
  appliesToLabel: string;
  typeLabel: string;
  targetLabel?: string;
  options?: { id: string; label: string }[];
}

/** Renames a property and edits its options; type, target and relation target are shown, not editable. */
export function PropertyEditForm({ property, usage }: { property: EditableProperty; usage: Record<string, OptionUsage> }) {
  const t = useTranslations("adminProperties");
  const tCommon = useTranslations("common");
  const [state, formAction, pending] = useActionState(updatePropertyAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  // After a save the page re-renders with the new version: the key resets the inputs to what was saved.
  const generation = `${property.id}-${property.version}`;

  return (
    <form action={formAction} className="space-y-5 rounded-lg border border-gray-200 bg-white p-6" noValidate>
      <FormStatus error={failed?.error} success={state?.ok ? t("saved") : null} />
      <NameField
        key={generation}
        id="name"
        defaultValue={failed ? (failed.values.name ?? "") : property.name}
        error={fields.name}
        hint={t("nameHint")}
      />
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-gray-700">{t("appliesTo")}</dt>
          <dd className="mt-1 text-gray-900 [overflow-wrap:anywhere]">{property.appliesToLabel}</dd>
        </div>
        <div>
          <dt className="font-medium text-gray-700">{t("type")}</dt>
          <dd className="mt-1 text-gray-900 [overflow-wrap:anywhere]">{property.typeLabel}</dd>
        </div>
        {property.targetLabel && (
          <div>
            <dt className="font-medium text-gray-700">{t("pointsAt")}</dt>
            <dd className="mt-1 text-gray-900 [overflow-wrap:anywhere]">{property.targetLabel}</dd>
          </div>
        )}
      </dl>
      <p className="text-xs text-gray-600">{t(property.targetLabel ? "typeAndTargetFixed" : "typeFixed")}</p>
      {property.options && <OptionsEditor key={generation} initial={property.options} usage={usage} fields={fields} />}
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tCommon("actions.saving") : t("save")}
      </button>
      <input type="hidden" name="id" value={property.id} />
      <input type="hidden" name="version" value={property.version} />
    </form>
  );
}
