"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { useConfirmStep } from "@/components/ui/confirm-step";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import type { FormState } from "@/lib/gate/define-action";

// Membership forms shared by the site and team pages: the group is a site or a team, named by its id field.

export type MembershipAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

export interface CandidateOption {
  id: string;
  label: string;
}

interface AddMemberFormProps<T> {
  action: MembershipAction<T>;
  groupField: "siteId" | "teamId";
  groupId: string;
  candidates: CandidateOption[];
}

/** A user picker among the active users who are not members yet, and the button that adds the one picked. */
export function AddMemberForm<T>({ action, groupField, groupId, candidates }: AddMemberFormProps<T>) {
  const t = useTranslations("admin.members.add");
  const [state, formAction, pending] = useActionState(action, null);
  const fieldError = state && !state.ok ? state.error.fields?.userId : undefined;
  const picked = state && !state.ok ? (state.values.userId ?? "") : "";
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <FormField id={`${groupField}-add-user`} label={t("label")} error={fieldError}>
            {(describedBy, invalid) => (
              // Keyed by the pick to keep: React does not re-apply a select's changed defaultValue before the form reset.
              <select
                key={picked}
                id={`${groupField}-add-user`}
                name="userId"
                required
                defaultValue={picked}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                className={inputClass(invalid)}
                disabled={candidates.length === 0}
              >
                <option value="" disabled>
                  {candidates.length === 0 ? t("everyoneIsMember") : t("choose")}
                </option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <button type="submit" disabled={pending || candidates.length === 0} className={`${buttonStyles.primary} sm:mt-6`}>
          {pending ? t("adding") : t("submit")}
        </button>
      </div>
      <FormStatus error={state && !state.ok && !fieldError ? state.error : null} success={state?.ok ? t("added") : null} />
      <input type="hidden" name={groupField} value={groupId} />
    </form>
  );
}

interface RemoveMemberButtonProps<T> {
  action: MembershipAction<T>;
  groupField: "siteId" | "teamId";
  groupId: string;
  userId: string;
  userName: string;
  /** What the removal means, said in the confirmation. */
  consequence: string;
}

/** "Remove", then a confirmation that says what the removal does. */
export function RemoveMemberButton<T>({ action, groupField, groupId, userId, userName, consequence }: RemoveMemberButtonProps<T>) {
  const t = useTranslations("admin.members.remove");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(action, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? (
    <p role="alert" className="text-right text-xs text-red-700">
      {state.error.message}
    </p>
  ) : null;
  if (!confirming) {
    return (
      <div className="flex flex-col items-end gap-1">
        <button
          ref={triggerRef}
          type="button"
          onClick={open}
          className="inline-flex min-h-6 items-center rounded text-sm font-medium text-red-700 hover:underline"
          aria-label={t("buttonLabel", { name: userName })}
        >
          {tActions("remove")}
        </button>
        {error}
      </div>
    );
  }
  return (
    <form ref={panelRef} tabIndex={-1} onKeyDown={onKeyDown} action={formAction} className="flex flex-col items-end gap-1 rounded">
      <p className="max-w-[16rem] text-right text-xs text-gray-700 [overflow-wrap:anywhere]">
        {t("question", { name: userName })} {consequence}
      </p>
      <div className="flex gap-3">
        <button type="button" onClick={cancel} className="inline-flex min-h-6 items-center rounded text-sm text-gray-700 hover:underline">
          {tActions("cancel")}
        </button>
        <button type="submit" disabled={pending} className="inline-flex min-h-6 items-center rounded text-sm font-semibold text-red-700 hover:underline disabled:opacity-60">
          {pending ? t("removing") : t("submit")}
        </button>
      </div>
      {error}
      <input type="hidden" name={groupField} value={groupId} />
      <input type="hidden" name="userId" value={userId} />
    </form>
  );
}
