"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { saveObjectEditAction } from "@/app/(app)/objects/edit-actions";
import { PropertyInputs } from "@/components/objects/property-inputs";
import { AccessChangeWarning } from "@/components/objects/share/access-change-warning";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { ObjectType, PropertyValues } from "@/db/schema";
import { objectPath } from "@/lib/objects/object-paths";
import type { PropertyFormField } from "@/lib/objects/property-form-fields";

export interface EditedObject {
  id: string;
  type: ObjectType;
  title: string;
  /** The version the page read: a save on a newer one is refused as stale. */
  version: number;
  properties: PropertyValues;
}

/**
 * The object page's edit form: title and custom properties. A change that alters who can access the object shows the
 * access-change warning and waits for "Save anyway"; a stale save is refused with a link that reloads the page.
 */
export function ObjectEditForm({ object, fields }: { object: EditedObject; fields: readonly PropertyFormField[] }) {
  const t = useTranslations("objects.edit");
  const tActions = useTranslations("common.actions");
  const headingId = useId();
  const { state, formAction, pending, onSubmit } = useKeptFormAction(saveObjectEditAction, null);
  // Cancel puts the warning away until the next answer.
  const [dismissed, setDismissed] = useState<typeof state>(null);
  const failed = state && !state.ok ? state : null;
  const confirming = state?.ok && state.data.status === "confirm" && dismissed !== state ? state.data : null;
  const saved = state?.ok && state.data.status === "saved";
  const fieldErrors = failed?.error.fields ?? {};
  const typed = state?.values ?? null;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-gray-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
        <input type="hidden" name="id" value={object.id} />
        <input type="hidden" name="version" value={object.version} />
        <FormField id="object-edit-title" label={t("title")} error={fieldErrors.title}>
          {(describedBy, invalid) => (
            <input
              id="object-edit-title"
              name="title"
              type="text"
              required
              maxLength={200}
              defaultValue={typed?.title ?? object.title}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={inputClass(invalid)}
            />
          )}
        </FormField>
        <PropertyInputs fields={fields} values={object.properties} typed={typed} errors={fieldErrors} />
        {failed?.error.code === "conflict" ? (
          <div role="alert" className="space-y-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            <p>{failed.error.message}</p>
            {/* A full load, so every input shows the values saved by the other user. */}
            <a href={objectPath(object.type, object.id)} className="font-medium text-red-900 underline">
              {t("reload")}
            </a>
          </div>
        ) : (
          <FormStatus error={failed?.error ?? null} success={saved ? t("saved") : null} />
        )}
        {confirming ? (
          <AccessChangeWarning impact={confirming.impact} token={confirming.token} pending={pending} onCancel={() => setDismissed(state)} />
        ) : (
          <button type="submit" disabled={pending} className={buttonStyles.primary}>
            {pending ? tActions("saving") : tActions("save")}
          </button>
        )}
      </form>
    </section>
  );
}
