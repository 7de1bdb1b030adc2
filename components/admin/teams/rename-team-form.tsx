"use client";

import { useActionState } from "react";
import { renameTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";

/** Rename a team; the version it was opened at guards against overwriting a newer change. */
export function RenameTeamForm({ team }: { team: { id: string; name: string; version: number } }) {
  const [state, formAction, pending] = useActionState(renameTeamAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField id="team-name" label="Name" error={fields.name}>
        {(describedBy, invalid) => (
          <input
            id="team-name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={failed?.values.name ?? team.name}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
      <FormStatus error={failed && Object.keys(fields).length === 0 ? failed.error : null} success={state?.ok ? "Saved." : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Saving…" : "Save"}
      </button>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="version" value={team.version} />
    </form>
  );
}
