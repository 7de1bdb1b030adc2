"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { updateProjectTaskAction } from "@/app/(app)/objects/details-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/kept-form-action";
import type { ProjectTaskView } from "@/lib/project-tasks/task-view";
import { LabelledInput } from "./form-inputs";
import { TaskFields, type AssignableUser } from "./task-fields";

/** Edits a task's title, assignee, due date and position, at the version it was opened at. */
export function TaskEditForm({ task, assignable, onClose }: { task: ProjectTaskView; assignable: AssignableUser[]; onClose: () => void }) {
  const t = useTranslations("details.tasks");
  const tActions = useTranslations("common.actions");
  const { state, pending, onSubmit, formAction } = useKeptFormAction(updateProjectTaskAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.focus(), []);
  useEffect(() => {
    if (state?.ok) onClose();
  }, [state, onClose]);
  const failed = state && !state.ok ? state : null;
  const kept = (name: string, stored: string) => failed?.values[name] ?? stored;
  const headingId = `edit-task-${task.id}`;
  return (
    <form
      ref={formRef}
      tabIndex={-1}
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
      noValidate
      aria-labelledby={headingId}
      className="space-y-4"
    >
      <h3 id={headingId} className="text-sm font-semibold text-gray-900">
        {t("editOf", { title: task.title })}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TaskFields
          idPrefix={`task-${task.id}`}
          values={{ title: kept("title", task.title), assigneeId: kept("assigneeId", task.assignee?.id ?? ""), dueDate: kept("dueDate", task.dueDate ?? "") }}
          assignable={assignable}
          currentAssignee={task.assignee}
          errors={failed?.error.fields ?? {}}
        />
        <LabelledInput
          id={`task-${task.id}-position`}
          name="position"
          type="number"
          min={0}
          label={t("labels.position")}
          hint={t("positionHint")}
          defaultValue={kept("position", String(task.position))}
          error={failed?.error.fields?.position}
        />
      </div>
      <FormStatus error={failed?.error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? tActions("saving") : tActions("save")}
        </button>
        <button type="button" onClick={onClose} className={buttonStyles.secondary}>
          {tActions("cancel")}
        </button>
      </div>
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
    </form>
  );
}
