"use client";

import { useActionState, useState } from "react";
import { deleteTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

interface DeleteTeamFormProps {
  team: { id: string; name: string; version: number; memberCount: number };
  /** Access rules that name the team: deletion is refused while there are any. */
  rules: { id: string; name: string }[];
  /** Projects the Admin can see that would lose their team. */
  visibleProjects: number;
}

/** Delete a team after a confirmation saying what it does; refused (and said why) while access rules name it. */
export function DeleteTeamForm({ team, rules, visibleProjects }: DeleteTeamFormProps) {
  const [state, formAction, pending] = useActionState(deleteTeamAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = state && !state.ok ? state.error : null;

  if (rules.length > 0) {
    return (
      <div className="space-y-3 text-sm text-gray-700">
        <p>
          This team cannot be deleted while {rules.length === 1 ? "an access rule names" : `${rules.length} access rules name`} it.
          Take it out of {rules.length === 1 ? "this rule" : "these rules"} first:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          {rules.map((rule) => (
            <li key={rule.id} className="font-medium">
              {rule.name}
            </li>
          ))}
        </ul>
        <button type="button" disabled className={buttonStyles.danger}>
          Delete team
        </button>
      </div>
    );
  }

  if (!confirming) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-gray-600">Deleting a team removes its memberships. Its projects stay, without a team.</p>
        <FormStatus error={error} />
        <button type="button" onClick={() => setConfirming(true)} className={buttonStyles.secondary}>
          Delete team…
        </button>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
      <p className="text-sm font-medium text-red-900">Delete {team.name}?</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-red-900">
        <li>
          Its {team.memberCount} {team.memberCount === 1 ? "membership is" : "memberships are"} removed; the users themselves are not
          affected.
        </li>
        <li>
          {visibleProjects === 0
            ? "No project you can see belongs to this team."
            : `${visibleProjects} ${visibleProjects === 1 ? "project you can see loses" : "projects you can see lose"} their team.`}
        </li>
        <li>This cannot be undone.</li>
      </ul>
      <FormStatus error={error} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? "Deleting…" : "Delete team"}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className={buttonStyles.secondary}>
          Cancel
        </button>
      </div>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="version" value={team.version} />
    </form>
  );
}
