"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deletePropertyAction } from "@/app/(app)/admin/properties/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { PropertyReferences } from "@/lib/properties/property-usage";
import { FieldMessage } from "./field-message";
import { referencesText } from "./references-text";

/**
 * Deleting a property: refused up front while a rule or watermark refers to it; otherwise says how many values go
 * with it and asks for an explicit confirmation.
 */
export function DeletePropertyForm({
  property,
  valueCounts,
  referencedBy,
}: {
  property: { id: string; name: string; version: number };
  valueCounts: { users: number; objects: number };
  referencedBy: PropertyReferences | null;
}) {
  const t = useTranslations("adminProperties.delete");
  const tProperties = useTranslations("adminProperties");
  const [state, formAction, pending] = useActionState(deletePropertyAction, null);
  const failed = state && !state.ok ? state : null;
  const confirmError = failed?.error.fields?.confirm;
  const total = valueCounts.users + valueCounts.objects;

  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 bg-white p-6 [overflow-wrap:anywhere]">
      <h2 id="delete-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      {referencedBy ? (
        <p className="text-sm text-gray-700">{t("inUse", { name: property.name, references: referencesText(tProperties, referencedBy) })}</p>
      ) : (
        <form action={formAction} className="space-y-3">
          <FormStatus error={failed?.error} />
          <p className="text-sm text-gray-700">
            {total === 0 ? t("noValues") : t("values", { users: valueCounts.users, objects: valueCounts.objects })} {t("forgotten")}
          </p>
          <label className="flex items-start gap-2 text-sm text-gray-800">
            <input
              type="checkbox"
              name="confirm"
              className="mt-0.5 h-4 w-4 shrink-0 rounded border-gray-300"
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? "confirm-error" : undefined}
            />
            <span>{total > 0 ? t("confirmWithValues", { name: property.name, count: total }) : t("confirm", { name: property.name })}</span>
          </label>
          <FieldMessage id="confirm-error" message={confirmError} className="" />
          <button type="submit" disabled={pending} className={buttonStyles.danger}>
            {pending ? t("deleting") : t("submit")}
          </button>
          <input type="hidden" name="id" value={property.id} />
          <input type="hidden" name="version" value={property.version} />
        </form>
      )}
    </section>
  );
}
