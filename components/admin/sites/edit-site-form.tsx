"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateSiteAction } from "@/app/(app)/admin/sites/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { TimeZoneSelect } from "./time-zone-select";
import { NameField } from "@/components/admin/name-field";

interface EditSiteFormProps {
  site: { id: string; name: string; timeZone: string; version: number };
  timeZones: string[];
}

/** Rename a site or change its time zone; the version it was opened at guards against overwriting a newer change. */
export function EditSiteForm({ site, timeZones }: EditSiteFormProps) {
  const t = useTranslations("adminSites");
  const tAdmin = useTranslations("admin");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(updateSiteAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <NameField id="site-name" defaultValue={failed?.values.name ?? site.name} error={fields.name} />
      <FormField id="site-time-zone" label={t("timeZone.label")} error={fields.timeZone}>
        {(describedBy, invalid) => (
          <TimeZoneSelect
            id="site-time-zone"
            options={timeZones}
            defaultValue={failed?.values.timeZone ?? site.timeZone}
            describedBy={describedBy}
            invalid={invalid}
          />
        )}
      </FormField>
      <FormStatus error={failed && Object.keys(fields).length === 0 ? failed.error : null} success={state?.ok ? tAdmin("saved") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tActions("saving") : tActions("save")}
      </button>
      <input type="hidden" name="id" value={site.id} />
      <input type="hidden" name="version" value={site.version} />
    </form>
  );
}
