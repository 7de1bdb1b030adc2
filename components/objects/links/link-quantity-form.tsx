"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { updateLinkQuantityAction } from "@/app/(app)/objects/link-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldError, fieldErrorId, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";

interface LinkQuantityFormProps {
  objectId: string;
  link: { id: string; version: number; reference: string; quantity: number };
}

/** A product part's or BOM line's quantity, changed in place at the version shown. */
export function LinkQuantityForm({ objectId, link }: LinkQuantityFormProps) {
  const t = useTranslations("links.quantity");
  const id = useId();
  const [state, formAction, pending] = useActionState(updateLinkQuantityAction, null);
  const failed = state && !state.ok ? state : null;
  const fieldError = failed?.error.fields?.quantity;
  return (
    <form action={formAction} className="space-y-1" noValidate>
      <div className="flex items-end gap-2">
        <div className="w-24">
          <label htmlFor={id} className="block text-xs font-medium text-gray-700">
            {t("short")}
          </label>
          <input
            id={id}
            name="quantity"
            aria-label={t("label", { reference: link.reference })}
            inputMode="decimal"
            autoComplete="off"
            defaultValue={failed?.values.quantity ?? String(link.quantity)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? fieldErrorId(id) : undefined}
            className={inputClass(Boolean(fieldError))}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonStyles.secondary}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
      <FieldError id={id} error={fieldError} />
      <FormStatus error={failed && !fieldError ? failed.error : null} success={state?.ok ? t("saved") : null} />
      <input type="hidden" name="id" value={objectId} />
      <input type="hidden" name="linkId" value={link.id} />
      <input type="hidden" name="version" value={link.version} />
    </form>
  );
}
