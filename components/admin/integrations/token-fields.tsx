"use client";

import { useTranslations } from "next-intl";
import { FormField, inputClass } from "@/components/ui/form-field";

interface TokenFieldsProps {
  /** Field errors keyed by form input name. */
  errors: { credentialName?: string; expiresAt?: string; rateLimitPerMinute?: string };
  values: Record<string, string>;
  defaultRateLimit: number;
}

/** A token's name, optional expiry day and optional calls per minute: the new integration and new token forms. */
export function TokenFields({ errors, values, defaultRateLimit }: TokenFieldsProps) {
  const t = useTranslations("adminIntegrations.tokenFields");
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <FormField id="credentialName" label={t("name")} error={errors.credentialName} hint={t("nameHint")}>
        {(describedBy, invalid) => (
          <input
            id="credentialName"
            name="credentialName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={values.credentialName ?? "default"}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
      <FormField id="expiresAt" label={t("expiresAt")} error={errors.expiresAt} hint={t("expiresAtHint")}>
        {(describedBy, invalid) => (
          <input
            id="expiresAt"
            name="expiresAt"
            type="date"
            defaultValue={values.expiresAt ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
      <FormField id="rateLimitPerMinute" label={t("rateLimit")} error={errors.rateLimitPerMinute} hint={t("rateLimitHint", { limit: defaultRateLimit })}>
        {(describedBy, invalid) => (
          <input
            id="rateLimitPerMinute"
            name="rateLimitPerMinute"
            type="number"
            min={1}
            max={1_000_000}
            inputMode="numeric"
            defaultValue={values.rateLimitPerMinute ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
    </div>
  );
}
