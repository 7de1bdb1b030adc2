"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTokenAction } from "@/app/(app)/admin/integrations/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { IssuedTokenPanel } from "./issued-token-panel";
import { TokenFields } from "./token-fields";

/** One more token for the integration; its secret is shown once above the form. */
export function NewTokenForm({ integrationId, defaultRateLimit }: { integrationId: string; defaultRateLimit: number }) {
  const t = useTranslations("adminIntegrations.page");
  const [state, formAction, pending] = useActionState(createTokenAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <div className="space-y-4">
      {state?.ok && <IssuedTokenPanel name={state.data.name} token={state.data.token} />}
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={integrationId} />
        <TokenFields
          values={failed?.values ?? {}}
          defaultRateLimit={defaultRateLimit}
          errors={{ credentialName: fields.name, expiresAt: fields.expiresAt, rateLimitPerMinute: fields.rateLimitPerMinute }}
        />
        <FormStatus error={failed && Object.keys(fields).length === 0 ? failed.error : null} />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("creatingToken") : t("createToken")}
        </button>
      </form>
    </div>
  );
}
