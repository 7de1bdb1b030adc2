"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { revokeTokenAction, rotateTokenAction } from "@/app/(app)/admin/integrations/actions";
import { inputClass } from "@/components/ui/form-field";
import { Instant } from "@/components/ui/instant";
import type { TokenView } from "@/lib/integrations/integration-view";
import { Fact } from "./fact";
import { IssuedTokenPanel } from "./issued-token-panel";
import { TokenStateBadge } from "./token-state-badge";
import { TwoStepForm } from "./two-step-form";

// Grace periods offered when rotating (minutes); the API takes any from 0 to a week.
const graceChoices = [0, 15, 60, 1440] as const;

function RotateForm({ integrationId, token }: { integrationId: string; token: TokenView }) {
  const t = useTranslations("adminIntegrations.rotate");
  const [state, formAction, pending] = useActionState(rotateTokenAction, null);
  if (state?.ok) return <IssuedTokenPanel name={state.data.name} token={state.data.token} />;
  const graceLabel = (minutes: number) =>
    minutes === 0 ? t("graceNone") : minutes < 60 ? t("graceMinutes", { count: minutes }) : t("graceHours", { count: minutes / 60 });
  return (
    <TwoStepForm
      action={formAction}
      pending={pending}
      error={state && !state.ok ? state.error : null}
      tone="amber"
      labels={{ start: t("start"), question: t("question", { name: token.name }), submit: t("submit"), pending: t("rotating"), cancel: t("cancel") }}
      hidden={{ id: integrationId, credentialId: token.id }}
    >
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
    </TwoStepForm>
  );
}

function RevokeForm({ integrationId, token }: { integrationId: string; token: TokenView }) {
  const t = useTranslations("adminIntegrations.revoke");
  const [state, formAction, pending] = useActionState(revokeTokenAction, null);
  return (
    <TwoStepForm
      action={formAction}
      pending={pending}
      error={state && !state.ok ? state.error : null}
      tone="red"
      labels={{ start: t("start"), question: t("question", { name: token.name }), submit: t("submit"), pending: t("revoking"), cancel: t("cancel") }}
      hidden={{ id: integrationId, credentialId: token.id }}
    >
      <p className="text-sm text-red-900">{t("explain")}</p>
    </TwoStepForm>
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
