"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { signWorkflowTaskAction } from "@/app/(app)/workflows/workflow-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";

interface Props {
  task: { id: string; version: number; title: string; revisionLabel: string };
  /** Where it is shown: the workflow is named on a document's page. */
  workflowReference?: string;
}

/** The signer approves or rejects the revision of their signature task, with a comment (required to reject). */
export function SignTaskForm({ task, workflowReference }: Props) {
  const t = useTranslations("workflows.sign");
  const { state, formAction, onSubmit, pending } = useKeptFormAction(signWorkflowTaskAction, null);
  const headingId = useId();
  const failed = state && !state.ok ? state : null;
  const decision = failed?.values.decision ?? "approved";
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="space-y-3 rounded-md border border-blue-200 bg-blue-50 p-4">
      <h3 id={headingId} className="text-sm font-semibold text-gray-900 [overflow-wrap:anywhere]">
        {workflowReference ? t("headingIn", { title: task.title, label: task.revisionLabel, reference: workflowReference }) : t("heading", { title: task.title, label: task.revisionLabel })}
      </h3>
      <fieldset>
        <legend className="text-sm text-gray-700">{t("decision")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {(["approved", "rejected"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="decision" value={value} defaultChecked={decision === value} />
              {t(value)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField id={`sign-comment-${task.id}`} label={t("comment")} hint={t("commentHint")} error={failed?.error.fields?.comment}>
        {(describedBy, invalid) => (
          <textarea
            id={`sign-comment-${task.id}`}
            name="comment"
            rows={3}
            maxLength={2000}
            defaultValue={failed?.values.comment ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={inputClass(invalid)}
          />
        )}
      </FormField>
      <FormStatus error={failed?.error} success={state?.ok ? t("signed") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? t("signing") : t("submit")}
      </button>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </form>
  );
}
