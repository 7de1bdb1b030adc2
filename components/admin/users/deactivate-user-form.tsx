"use client";

import { useFormatter, useTranslations } from "next-intl";
import { deactivateUserAction } from "@/app/(app)/admin/users/actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { UserChoice } from "@/lib/users/user-details";
import { splitFormError } from "./form-errors";

interface DeactivateUserFormProps {
  user: { id: string; name: string; version: number };
  handovers: { ownedObjects: number; ledWorkflows: number; openTasks: number };
  candidates: { owners: UserChoice[]; assignees: UserChoice[] };
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
  const t = useTranslations("adminUsers.deactivate");
  const tRoles = useTranslations("common.roles");
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <select id={id} name={id} defaultValue={typed ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} className={inputClass(invalid)}>
          <option value="">{t("choose")}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {t("candidate", { name: choice.name, email: choice.email, role: tRoles(choice.role) })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Deactivation, behind a confirmation that says what it does and that only support can undo it. */
export function DeactivateUserForm({ user, handovers, candidates }: DeactivateUserFormProps) {
  const t = useTranslations("adminUsers.deactivate");
  const tActions = useTranslations("common.actions");
  const format = useFormatter();
  const { state, formAction, pending, onSubmit } = useKeptFormAction(deactivateUserAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const { fields, status } = splitFormError(state && !state.ok ? state.error : null);
  const ownerTakesOver = [
    handovers.ownedObjects > 0 && t("objects", { count: handovers.ownedObjects }),
    handovers.ledWorkflows > 0 && t("workflows", { count: handovers.ledWorkflows }),
  ].filter((part) => part !== false);

  if (!confirming) {
    return (
      <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
        {t("start")}
      </button>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} onSubmit={onSubmit} tone="red" question={t("question", { name: user.name })}>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="space-y-2 text-sm text-gray-800">
        <p>{t("effects")}</p>
        <p className="font-medium">{t("irreversible")}</p>
      </div>
      {(ownerTakesOver.length > 0 || handovers.openTasks > 0) && (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {ownerTakesOver.length > 0 && (
            <CandidateSelect
              id="newOwnerId"
              label={t("newOwner")}
              hint={t("ownerHint", { what: format.list(ownerTakesOver) })}
              choices={candidates.owners}
              typed={state?.values.newOwnerId}
              error={fields.newOwnerId}
            />
          )}
          {handovers.openTasks > 0 && (
            <CandidateSelect
              id="newAssigneeId"
              label={t("newAssignee")}
              hint={t("assigneeHint", { count: handovers.openTasks })}
              choices={candidates.assignees}
              typed={state?.values.newAssigneeId}
              error={fields.newAssigneeId}
            />
          )}
        </div>
      )}
      <FormStatus error={status} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {pending ? t("deactivating") : t("submit")}
        </button>
        <button type="button" onClick={cancel} disabled={pending} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
    </ConfirmForm>
  );
}
