"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createSiteAction } from "@/app/(app)/admin/sites/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { TimeZoneSelect } from "./time-zone-select";
import { NameField } from "@/components/admin/name-field";

export function CreateSiteForm({ timeZones, defaultTimeZone }: { timeZones: string[]; defaultTimeZone: string }) {
  const t = useTranslations("adminSites");
  const [state, formAction, pending] = useActionState(createSiteAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <NameField id="new-site-name" defaultValue={failed?.values.name ?? ""} error={fields.name} hint={t("create.hint")} />
      <FormField id="new-site-time-zone" label={t("timeZone.label")} error={fields.timeZone}>
        {(describedBy, invalid) => (
          <TimeZoneSelect
            id="new-site-time-zone"
            options={timeZones}
            defaultValue={failed?.values.timeZone ?? defaultTimeZone}
            describedBy={describedBy}
            invalid={invalid}
          />
        )}
      </FormField>
      <FormStatus
        error={failed && Object.keys(fields).length === 0 ? failed.error : null}
        success={state?.ok ? t("create.created", { name: state.data.name }) : null}
      />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("create.creating") : t("create.submit")}
      </button>
    </form>
  );
}
