"use client";

import { useState } from "react";
import { deactivateUserAction } from "@/app/(app)/admin/users/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField } from "@/components/ui/form-field";
import { fieldClass } from "./field-class";
import { FormStatus } from "@/components/ui/form-status";
import { roleLabels } from "@/lib/users/role-labels";
import type { UserChoice } from "@/lib/users/user-details";
import { splitFormError } from "./form-errors";
import { useKeptFormAction } from "@/components/ui/kept-form-action";

interface DeactivateUserFormProps {
  user: { id: string; name: string; version: number };
  handovers: { ownedObjects: number; ledWorkflows: number; openTasks: number };
  candidates: { owners: UserChoice[]; assignees: UserChoice[] };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

function CandidateSelect({
  id,
  label,
  hint,
  choices,
  typed,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  choices: UserChoice[];
  typed?: string;
  error?: string;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <select id={id} name={id} defaultValue={typed ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={fieldClass(invalid)}>
          <option value="">Choose…</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name} ({choice.email}) — {roleLabels[choice.role]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Deactivation, behind a confirmation that says what it does and that only support can undo it. */
export function DeactivateUserForm({ user, handovers, candidates }: DeactivateUserFormProps) {
  const { state, formAction, pending, onSubmit } = useKeptFormAction(deactivateUserAction, null);
  const error = state && !state.ok ? state.error : null;
  const [open, setOpen] = useState(false);
  const { fields, status } = splitFormError(error);
  const needsOwner = handovers.ownedObjects + handovers.ledWorkflows > 0;
  const needsAssignee = handovers.openTasks > 0;

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={buttonStyles.secondary}>
        Deactivate this account…
      </button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4 rounded-md border border-red-200 bg-red-50/40 p-4" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="space-y-2 text-sm text-gray-800">
        <p className="font-medium text-red-900">Deactivate {user.name}?</p>
        <p>
          Their sessions end at once and they can no longer sign in or use the API. The account and everything they
          authored are kept.
        </p>
        <p className="font-medium">This cannot be undone here: only support (the operator) can reactivate an account.</p>
      </div>
      {(needsOwner || needsAssignee) && (
        <div className="grid gap-4 sm:grid-cols-2">
          {needsOwner && (
            <CandidateSelect
              id="newOwnerId"
              label="New owner"
              hint={`Takes over ${[
                handovers.ownedObjects > 0 && plural(handovers.ownedObjects, "object", "objects"),
                handovers.ledWorkflows > 0 && plural(handovers.ledWorkflows, "workflow led", "workflows led"),
              ]
                .filter(Boolean)
                .join(" and ")}. An active Manager or Admin.`}
              choices={candidates.owners}
              typed={state?.values.newOwnerId}
              error={fields.newOwnerId}
            />
          )}
          {needsAssignee && (
            <CandidateSelect
              id="newAssigneeId"
              label="New assignee"
              hint={`Takes over ${plural(handovers.openTasks, "open task", "open tasks")}. An active personal account, Viewer or above.`}
              choices={candidates.assignees}
              typed={state?.values.newAssigneeId}
              error={fields.newAssigneeId}
            />
          )}
        </div>
      )}
      <FormStatus error={status} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? "Deactivating…" : "Deactivate account"}
        </button>
        <button type="button" onClick={() => setOpen(false)} disabled={pending} className={buttonStyles.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
