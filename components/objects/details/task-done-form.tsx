"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateProjectTaskAction } from "@/app/(app)/objects/details-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import type { ProjectTaskView } from "@/lib/project-tasks/task-view";

/** "Mark done" or "Reopen": one press, at the task's version; a refusal (stale, gone) is said beside it. */
export function TaskDoneForm({ task }: { task: ProjectTaskView }) {
  const t = useTranslations("details.tasks");
  const [state, formAction, pending] = useActionState(updateProjectTaskAction, null);
  const error = state && !state.ok ? state.error.message : null;
  return (
    <form action={formAction}>
      <button
        type="submit"
        disabled={pending}
        aria-label={task.done ? t("reopenOf", { title: task.title }) : t("markDoneOf", { title: task.title })}
        className={buttonStyles.secondary}
      >
        {task.done ? t("reopen") : t("markDone")}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      <input type="hidden" name="taskId" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="done" value={task.done ? "false" : "true"} />
    </form>
  );
}
