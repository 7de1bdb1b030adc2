"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteTeamAction } from "@/app/(app)/admin/teams/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";

interface DeleteTeamFormProps {
  team: { id: string; name: string; version: number; memberCount: number };
  /** Access rules that name the team: deletion is refused while there are any. */
  rules: { id: string; name: string }[];
  /** Projects the Admin can see that would lose their team. */
  visibleProjects: number;
}

/**
 * "Delete team…", then a confirmation saying what it does, with "Delete the team “…”" and Cancel; refused (and said
 * why) while access rules name the team.
 */
export function DeleteTeamForm({ team, rules, visibleProjects }: DeleteTeamFormProps) {
  const t = useTranslations("adminTeams.delete");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(deleteTeamAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;

  if (rules.length > 0) {
    return (
      <div className="space-y-3 text-sm text-gray-700">
        <p>{t("blocked", { count: rules.length })}</p>
        <ul className="list-disc space-y-1 pl-5 [overflow-wrap:anywhere]">
          {rules.map((rule) => (
            <li key={rule.id} className="font-medium">
              {rule.name}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (!confirming) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-gray-600">{t("intro")}</p>
        <FormStatus error={error} />
        <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
          {t("start")}
        </button>
      </div>
    );
  }

  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("question", { name: team.name })}>
      <ul className="list-disc space-y-1 pl-5 text-sm text-red-900">
        <li>{team.memberCount === 0 ? t("noMemberships") : t("memberships", { count: team.memberCount })}</li>
        <li>{visibleProjects === 0 ? t("noProjects") : t("projects", { count: visibleProjects })}</li>
        <li>{t("irreversible")}</li>
      </ul>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={`${buttonStyles.danger} max-w-full [overflow-wrap:anywhere]`}>
          {pending ? t("deleting") : t("submit", { name: team.name })}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="id" value={team.id} />
      <input type="hidden" name="version" value={team.version} />
    </ConfirmForm>
  );
}
