"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deactivateIntegrationAction } from "@/app/(app)/admin/integrations/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";

/** "Deactivate integration…", then the confirmation: its account and every token stop at once. */
export function DeactivateIntegrationForm({ integration }: { integration: { id: string; name: string } }) {
  const t = useTranslations("adminIntegrations.deactivate");
  const [state, formAction, pending] = useActionState(deactivateIntegrationAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-gray-600">{t("intro")}</p>
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("question", { name: integration.name })}>
      <input type="hidden" name="id" value={integration.id} />
      <p className="text-sm text-red-900">{t("intro")}</p>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("deactivating") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {t("cancel")}
        </button>
      </div>
    </ConfirmForm>
  );
}
