"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createIntegrationAction } from "@/app/(app)/admin/integrations/actions";
import { NameField } from "@/components/admin/name-field";
import { SitePicker } from "@/components/admin/users/site-picker";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { siteIdsFromForm } from "@/lib/users/user-form-fields";
import type { SiteOption } from "@/lib/users/user-form-options";
import { IssuedTokenPanel } from "./issued-token-panel";
import { TokenFields } from "./token-fields";

const integrationRoles = ["viewer", "manager", "admin"] as const;

/** New integration: name, role, sites and a first token; on success the token is shown once above the form. */
export function CreateIntegrationForm({ sites, defaultRateLimit }: { sites: SiteOption[]; defaultRateLimit: number }) {
  const t = useTranslations("adminIntegrations");
  const tRoles = useTranslations("common.roles");
  const [state, formAction, pending] = useActionState(createIntegrationAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const fields = failed?.error.fields ?? {};
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created && (
        <IssuedTokenPanel name={created.tokens[0]?.name ?? ""} token={created.issuedToken.token}>
          <Link href={`/admin/integrations/${created.id}`} className="text-sm font-medium text-blue-700 hover:underline">
            {t("issued.open", { name: created.name })}
          </Link>
        </IssuedTokenPanel>
      )}
      <form action={formAction} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          <NameField id="integration-name" defaultValue={values.name ?? ""} error={fields.name} />
          <FormField id="role" label={t("create.role")} error={fields.role} hint={t("create.roleHint")}>
            {(describedBy, invalid) => (
              <select
                id="role"
                name="role"
                defaultValue={values.role ?? "viewer"}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
              >
                {integrationRoles.map((role) => (
                  <option key={role} value={role}>
                    {tRoles(role)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <SitePicker
          // A new key after each answer: the checkboxes are uncontrolled (React resets them after a success and
          // refills them after a refusal) and the primary site must follow them.
          key={created?.id ?? JSON.stringify(values)}
          sites={sites}
          initialSiteIds={siteIdsFromForm(values)}
          initialPrimarySiteId={values.primarySiteId ?? null}
          errors={{ siteIds: fields.siteIds, primarySiteId: fields.primarySiteId }}
        />
        <TokenFields
          values={values}
          defaultRateLimit={defaultRateLimit}
          errors={{ credentialName: fields.tokenName, expiresAt: fields.expiresAt, rateLimitPerMinute: fields.rateLimitPerMinute }}
        />
        <FormStatus error={failed && Object.keys(fields).length === 0 ? failed.error : null} />
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? t("create.creating") : t("create.submit")}
        </button>
      </form>
    </div>
  );
}
