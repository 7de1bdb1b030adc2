"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deleteProjectTaskAction } from "@/app/(app)/objects/details-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";
import type { ProjectTaskView } from "@/lib/project-tasks/task-view";

/** "Delete", then a confirmation naming the task. */
export function TaskDeleteForm({ task }: { task: ProjectTaskView }) {
  const t = useTranslations("details.tasks");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(deleteProjectTaskAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const error = state && !state.ok ? state.error : null;
  if (!confirming) {
    return (
      <button ref={triggerRef} type="button" onClick={open} aria-label={t("deleteOf", { title: task.title })} className={buttonStyles.secondary}>
        {tActions("delete")}
      </button>
    );
  }
  return (
    <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={formAction} tone="red" question={t("deleteQuestion", { title: task.title })}>
      <p className="text-sm text-red-900">{t("deleteConsequence")}</p>
      <FormStatus error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.danger}>
          {tActions("delete")}
        </button>
        <button type="button" onClick={cancel} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </ConfirmForm>
  );
}
