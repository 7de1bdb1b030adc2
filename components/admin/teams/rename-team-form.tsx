"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { renameTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { NameField } from "@/components/admin/name-field";

/** Rename a team; the version it was opened at guards against overwriting a newer change. */
export function RenameTeamForm({ team }: { team: { id: string; name: string; version: number } }) {
  const tAdmin = useTranslations("admin");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(renameTeamAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <NameField id="team-name" defaultValue={failed?.values.name ?? team.name} error={fields.name} />
      <FormStatus error={failed && Object.keys(fields).length === 0 ? failed.error : null} success={state?.ok ? tAdmin("saved") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? tActions("saving") : tActions("save")}
      </button>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="version" value={team.version} />
    </form>
  );
}
