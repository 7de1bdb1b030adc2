"use client";

import { useTranslations } from "next-intl";
import { createProjectTaskAction } from "@/app/(app)/objects/details-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import { TaskFields, type AssignableUser } from "./task-fields";

/** Adds a task at the end of the project's list. */
export function AddTaskForm({ projectId, assignable }: { projectId: string; assignable: AssignableUser[] }) {
  const t = useTranslations("details.tasks");
  const { state, pending, onSubmit, formAction } = useKeptFormAction(createProjectTaskAction, null);
  const failed = state && !state.ok ? state : null;
  // Blank again after each task added: the new task keys the fields.
  const values = failed ? { title: failed.values.title ?? "", assigneeId: failed.values.assigneeId ?? "", dueDate: failed.values.dueDate ?? "" } : { title: "", assigneeId: "", dueDate: "" };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="add-task-heading" className="space-y-4 rounded-md border border-gray-200 p-4">
      <h3 id="add-task-heading" className="text-sm font-semibold text-gray-900">
        {t("addHeading")}
      </h3>
      <div key={state?.ok ? state.data.id : "new"} className="grid gap-4 sm:grid-cols-3">
        <TaskFields idPrefix="new-task" values={values} assignable={assignable} errors={failed?.error.fields ?? {}} />
      </div>
      <FormStatus error={failed?.error} success={state?.ok ? t("added") : null} />
      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {t("add")}
      </button>
      <input type="hidden" name="id" value={projectId} />
    </form>
  );
}
