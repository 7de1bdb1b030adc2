"use client";

import { useActionState } from "react";
import { createTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";

export function CreateTeamForm() {
  const [state, formAction, pending] = useActionState(createTeamAction, null);
  const failed = state && !state.ok ? state : null;
  const fields = failed?.error.fields ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField id="new-team-name" label="Name" error={fields.name} hint="Add members from the team's page once it exists.">
        {(describedBy, invalid) => (
          <input
            id="new-team-name"
            name="name"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={failed?.values.name ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
      <FormStatus
        error={failed && Object.keys(fields).length === 0 ? failed.error : null}
        success={state?.ok ? `Team “${state.data.name}” created.` : null}
      />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? "Creating…" : "Create team"}
      </button>
    </form>
  );
}
