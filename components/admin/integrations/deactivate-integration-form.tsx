"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deactivateIntegrationAction } from "@/app/(app)/admin/integrations/actions";
import { TwoStepForm } from "./two-step-form";

/** "Deactivate integration…", then the confirmation: its account and every token stop at once. */
export function DeactivateIntegrationForm({ integration }: { integration: { id: string; name: string } }) {
  const t = useTranslations("adminIntegrations.deactivate");
  const [state, formAction, pending] = useActionState(deactivateIntegrationAction, null);
  return (
    <TwoStepForm
      action={formAction}
      pending={pending}
      error={state && !state.ok ? state.error : null}
      tone="red"
      labels={{ start: t("start"), question: t("question", { name: integration.name }), submit: t("submit"), pending: t("deactivating"), cancel: t("cancel") }}
      hidden={{ id: integration.id }}
      intro={<p className="text-sm text-gray-600">{t("intro")}</p>}
    >
      <p className="text-sm text-red-900">{t("intro")}</p>
    </TwoStepForm>
  );
}
