"use client";

import { useTranslations } from "next-intl";
import { addWorkflowTaskAction } from "@/app/(app)/workflows/workflow-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { SignableRevision } from "@/lib/workflows/load-workflow-panel";
import type { PersonRef } from "@/lib/workflows/workflow-view";
import { TaskRowFields } from "./task-row-fields";

interface Props {
  workflowId: string;
  assignable: PersonRef[];
  revisions: SignableRevision[];
}

/** Adds a task (or a signature task on a subject document's revision) at the end of the workflow's list. */
export function AddWorkflowTaskForm({ workflowId, assignable, revisions }: Props) {
  const t = useTranslations("workflows.panel");
  const { state, pending, onSubmit, formAction } = useKeptFormAction(addWorkflowTaskAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="add-workflow-task-heading" className="space-y-4 rounded-md border border-gray-200 p-4">
      <h3 id="add-workflow-task-heading" className="text-sm font-semibold text-gray-900">
        {t("addTask")}
      </h3>
      <div key={state?.ok ? state.data.id : "new"} className="grid gap-4 sm:grid-cols-2">
        <TaskRowFields idPrefix="add-task" namePrefix="" values={failed?.values ?? {}} errors={failed?.error.fields ?? {}} assignable={assignable} revisions={revisions} />
      </div>
      <FormStatus error={failed?.error} success={state?.ok ? t("taskAdded") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {t("addTaskSubmit")}
      </button>
      <input type="hidden" name="id" value={workflowId} />
    </form>
  );
}

