"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteSharedViewAction } from "@/app/(app)/admin/views/actions";
import { ConfirmBox } from "@/components/admin/properties/confirm-box";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

/** Deletes a shared view, once confirmed: it disappears from everyone's lists. */
export function DeleteViewForm({ view }: { view: { id: string; name: string; version: number } }) {
  const t = useTranslations("adminViews.delete");
  const [state, formAction, pending] = useActionState(deleteSharedViewAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <section aria-labelledby="delete-view-heading" className="space-y-3 rounded-lg border border-red-200 bg-white p-4 sm:p-6 [overflow-wrap:anywhere]">
      <h2 id="delete-view-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <form action={formAction} className="space-y-3">
        <FormStatus error={failed?.error} />
        <ConfirmBox id="delete-view-confirm" label={t("confirm", { name: view.name })} error={failed?.error.fields?.confirm} />
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("deleting") : t("submit")}
        </button>
        <input type="hidden" name="id" value={view.id} />
        <input type="hidden" name="version" value={view.version} />
      </form>
    </section>
  );
}
