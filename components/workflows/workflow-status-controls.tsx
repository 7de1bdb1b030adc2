"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeWorkflowStatusAction, deleteWorkflowAction } from "@/app/(app)/workflows/workflow-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { ConfirmForm, useConfirmStep } from "@/components/ui/confirm-step";
import { FormStatus } from "@/components/ui/form-status";
import type { WorkflowStatus } from "@/db/schema/enums";

interface Props {
  workflow: { id: string; reference: string; status: WorkflowStatus; version: number; openTasks: number };
}

/** Start, complete, cancel and delete, each offered only where the workflow's status allows it. */
export function WorkflowStatusControls({ workflow }: Props) {
  const t = useTranslations("workflows.panel");
  const tActions = useTranslations("common.actions");
  const [state, formAction, pending] = useActionState(changeWorkflowStatusAction, null);
  const [deleteState, deleteAction, deleting] = useActionState(deleteWorkflowAction, null);
  const { confirming, open, cancel, triggerRef, panelRef, onKeyDown } = useConfirmStep();
  const running = workflow.status === "draft" || workflow.status === "in_progress";
  const transitions = [
    workflow.status === "draft" && ("start" as const),
    workflow.status === "in_progress" && workflow.openTasks === 0 && ("complete" as const),
    running && ("cancel" as const),
  ].filter((transition) => transition !== false);
  return (
    <div className="space-y-3">
      <FormStatus error={state && !state.ok ? state.error : deleteState && !deleteState.ok ? deleteState.error : null} />
      <div className="flex flex-wrap gap-2">
        {transitions.map((transition) => (
          <form key={transition} action={formAction}>
            <input type="hidden" name="id" value={workflow.id} />
            <input type="hidden" name="version" value={workflow.version} />
            <input type="hidden" name="transition" value={transition} />
            <button type="submit" disabled={pending} className={transition === "start" ? buttonStyles.primary : buttonStyles.secondary}>
              {t(`transitions.${transition}`)}
            </button>
          </form>
        ))}
        {!confirming && (
          <button ref={triggerRef} type="button" onClick={open} className={buttonStyles.secondary}>
            {t("delete.start")}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmForm panelRef={panelRef} onKeyDown={onKeyDown} action={deleteAction} tone="red" question={t("delete.question", { reference: workflow.reference })}>
          <p className="text-sm text-red-900">{t("delete.consequence")}</p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={deleting} className={buttonStyles.danger}>
              {t("delete.submit")}
            </button>
            <button type="button" onClick={cancel} className={buttonStyles.secondary}>
              {tActions("cancel")}
            </button>
          </div>
          <input type="hidden" name="id" value={workflow.id} />
          <input type="hidden" name="version" value={workflow.version} />
        </ConfirmForm>
      )}
    </div>
  );
}
