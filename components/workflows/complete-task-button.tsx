"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { completeWorkflowTaskAction } from "@/app/(app)/workflows/workflow-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";

/** "Mark done" for the reader's own open task. */
export function CompleteTaskButton({ task }: { task: { id: string; version: number; title: string } }) {
  const t = useTranslations("workflows.panel");
  const [state, formAction, pending] = useActionState(completeWorkflowTaskAction, null);
  return (
    <form action={formAction} className="space-y-2 rounded-md border border-gray-200 p-4">
      <p className="text-sm text-gray-900">{t("yourTask", { title: task.title })}</p>
      <FormStatus error={state && !state.ok ? state.error : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {t("markDone")}
      </button>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </form>
  );
}
