"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { DataTable } from "@/components/ui/data-table";
import type { ProjectTaskView } from "@/lib/project-tasks/task-view";
import { CalendarDate } from "./calendar-date";
import { TaskDeleteForm } from "./task-delete-form";
import { TaskDoneForm } from "./task-done-form";
import { TaskEditForm } from "./task-edit-form";
import type { AssignableUser } from "./task-fields";

interface TasksTableProps {
  tasks: ProjectTaskView[];
  /** Null when the reader may not edit the project: no control is shown. */
  assignable: AssignableUser[] | null;
}

/** The project's tasks; with the edit right, each row can be marked done or open, edited (in a form under the table) or deleted. */
export function TasksTable({ tasks, assignable }: TasksTableProps) {
  const t = useTranslations("details.tasks");
  const tActions = useTranslations("common.actions");
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const close = useCallback(() => {
    setEditing((id) => {
      if (id) queueMicrotask(() => editButtons.current.get(id)?.focus());
      return null;
    });
  }, []);
  const editingTask = tasks.find((task) => task.id === editing);
  const columns = [t("columns.title"), t("columns.assignee"), t("columns.dueDate"), t("columns.status"), assignable !== null && t("columns.actions")];
  // Inline-size containment: the table scrolls in its own box on a narrow screen instead of widening the page column.
  return (
    <div className="[contain:inline-size]">
      <DataTable columns={columns} caption={t("tableCaption")}>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td className="min-w-40 px-4 py-2 [overflow-wrap:anywhere]">
              <span className={task.done ? "text-gray-600 line-through" : "font-medium text-gray-900"}>{task.title}</span>
            </td>
            <td className="px-4 py-2 [overflow-wrap:anywhere]">
              {task.assignee ? (
                <Link href={`/people/${task.assignee.id}`} className="text-blue-700 hover:underline">
                  {task.assignee.name}
                </Link>
              ) : (
                <span className="text-gray-600">{t("unassigned")}</span>
              )}
            </td>
            <td className="whitespace-nowrap px-4 py-2">{task.dueDate ? <CalendarDate value={task.dueDate} /> : <span className="text-gray-600">{t("noDueDate")}</span>}</td>
            <td className="whitespace-nowrap px-4 py-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${task.done ? "bg-green-50 text-green-800" : "bg-gray-100 text-gray-700"}`}>
                {task.done ? t("done") : t("open")}
              </span>
            </td>
            {assignable !== null && (
              <td className="px-4 py-2">
                <div className="flex items-start gap-2 whitespace-nowrap">
                  <TaskDoneForm task={task} />
                  <button
                    ref={(button) => {
                      if (button) editButtons.current.set(task.id, button);
                      else editButtons.current.delete(task.id);
                    }}
                    type="button"
                    aria-expanded={editing === task.id}
                  aria-controls={editing === task.id ? "task-edit-panel" : undefined}
                    aria-label={t("editOf", { title: task.title })}
                    onClick={() => setEditing(editing === task.id ? null : task.id)}
                    className={buttonStyles.secondary}
                  >
                    {tActions("edit")}
                  </button>
                  <TaskDeleteForm task={task} />
                </div>
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      {assignable !== null && editingTask && (
        <div id="task-edit-panel" className="mt-4 rounded-md border border-gray-200 bg-gray-50 p-4">
          <TaskEditForm key={editingTask.id} task={editingTask} assignable={assignable} onClose={close} />
        </div>
      )}
    </div>
  );
}
