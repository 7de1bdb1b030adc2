"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { restoreObjectAction } from "@/app/(app)/trash/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

/** Restores one object of the trash at the version listed; a refusal is said beside the button. */
export function RestoreObjectButton({ object }: { object: { id: string; reference: string; version: number } }) {
  const t = useTranslations("trash.restore");
  const [state, formAction, pending] = useActionState(restoreObjectAction, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={object.id} />
      <input type="hidden" name="version" value={object.version} />
      <button type="submit" disabled={pending} aria-label={t("label", { reference: object.reference })} className={buttonStyles.secondary}>
        {pending ? t("restoring") : t("submit")}
      </button>
      <FormStatus error={error} />
    </form>
  );
}
