"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deletePropertyAction } from "@/app/(app)/admin/properties/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { PropertyReferences } from "@/lib/properties/property-usage";
import { ConfirmBox } from "./confirm-box";
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
          <ConfirmBox
            id="confirm"
            label={total > 0 ? t("confirmWithValues", { name: property.name, count: total }) : t("confirm", { name: property.name })}
            error={failed?.error.fields?.confirm}
          />
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
