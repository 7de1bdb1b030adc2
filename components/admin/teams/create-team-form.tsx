"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { NameField } from "@/components/admin/name-field";

export function CreateTeamForm() {
  const t = useTranslations("adminTeams.create");
  const [state, formAction, pending] = useActionState(createTeamAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <NameField id="new-team-name" defaultValue={failed?.values.name ?? ""} error={fields.name} hint={t("hint")} />
      <FormStatus
        error={failed && Object.keys(fields).length === 0 ? failed.error : null}
        success={state?.ok ? t("created", { name: state.data.name }) : null}
      />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("creating") : t("submit")}
      </button>
    </form>
  );
}
