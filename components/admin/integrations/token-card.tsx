"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { revokeTokenAction, rotateTokenAction } from "@/app/(app)/admin/integrations/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { Instant } from "@/components/ui/instant";
import type { TokenView } from "@/lib/integrations/integration-view";
import { IssuedTokenPanel } from "./issued-token-panel";
import { TokenStateBadge } from "./token-state-badge";

// Grace periods offered when rotating (minutes); the API takes any from 0 to a week.
const graceChoices = [0, 15, 60, 1440] as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-gray-600">{label}</dt>
      <dd className="text-sm text-gray-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function RotateForm({ integrationId, token }: { integrationId: string; token: TokenView }) {
  const t = useTranslations("adminIntegrations.rotate");
  const [state, formAction, pending] = useActionState(rotateTokenAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  if (state?.ok) return <IssuedTokenPanel name={state.data.name} token={state.data.token} />;
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }
  const graceLabel = (minutes: number) =>
    minutes === 0 ? t("graceNone") : minutes < 60 ? t("graceMinutes", { count: minutes }) : t("graceHours", { count: minutes / 60 });
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="amber" question={t("question", { name: token.name })}>
      <input type="hidden" name="id" value={integrationId} />
      <input type="hidden" name="credentialId" value={token.id} />
      <p className="text-sm text-amber-900">{t("explain")}</p>
      <div>
        <label htmlFor={`grace-${token.id}`} className="block text-sm font-medium text-gray-700">
          {t("grace")}
        </label>
        <select id={`grace-${token.id}`} name="graceMinutes" defaultValue="0" className={`${inputClass()} max-w-xs`}>
          {graceChoices.map((minutes) => (
            <option key={minutes} value={minutes}>
              {graceLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("rotating") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {t("cancel")}
        </button>
      </div>
    </ConfirmForm>
  );
}

function RevokeForm({ integrationId, token }: { integrationId: string; token: TokenView }) {
  const t = useTranslations("adminIntegrations.revoke");
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <div className="space-y-2">
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("question", { name: token.name })}>
      <input type="hidden" name="id" value={integrationId} />
      <input type="hidden" name="credentialId" value={token.id} />
      <p className="text-sm text-red-900">{t("explain")}</p>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("revoking") : t("submit")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {t("cancel")}
        </button>
      </div>
    </ConfirmForm>
  );
}

/** One token: its facts, and for an active one Rotate… and Revoke…, each with its confirmation. */
export function TokenCard({ integrationId, token, defaultRateLimit, editable }: { integrationId: string; token: TokenView; defaultRateLimit: number; editable: boolean }) {
  const t = useTranslations("adminIntegrations");
  return (
    <li className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 font-medium text-gray-900 [overflow-wrap:anywhere]">{token.name}</h3>
        <TokenStateBadge state={token.state} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label={t("tokenColumns.prefix")}>
          <code className="font-mono text-xs">{token.prefix}…</code>
        </Fact>
        <Fact label={t("tokenColumns.expires")}>{token.expiresAt ? <Instant value={token.expiresAt} /> : t("noExpiry")}</Fact>
        <Fact label={t("tokenColumns.lastUsed")}>{token.lastUsedAt ? <Instant value={token.lastUsedAt} /> : t("never")}</Fact>
        <Fact label={t("tokenColumns.rateLimit")}>{token.rateLimitPerMinute ?? t("defaultLimit", { limit: defaultRateLimit })}</Fact>
      </dl>
      {editable && token.state === "active" && (
        <div className="flex flex-wrap items-start gap-2">
          <RotateForm integrationId={integrationId} token={token} />
          <RevokeForm integrationId={integrationId} token={token} />
        </div>
      )}
    </li>
  );
}
