import { getTranslations } from "next-intl/server";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { loadProjectProgress } from "@/lib/object-details/load-object-details";
import { listProjectTasks } from "@/lib/project-tasks/list-project-tasks";
import { listAssignableUsers } from "@/lib/project-tasks/task-assignee";
import { AddTaskForm } from "./add-task-form";
import { CompletionBar } from "./completion-bar";
import { TasksTable } from "./tasks-table";

// A project's tasks fit on one page; the API pages through any number.
const tasksShown = 200;

/**
 * A project's tasks: completion (done over all), the tasks in order, and — with `edit` on the project — controls to
 * add, complete, edit and delete them. Renders nothing for other types.
 */
export async function ProjectTasksPanel({ context }: { context: ObjectPageContext }) {
  const { db, user, object } = context;
  if (object.type !== "project") return null;
  const listed = await listProjectTasks(db, user, { id: object.id, limit: tasksShown }, { authorized: context.authorized });
  if (!listed.ok) return null;
  const editable = object.access.actions.includes("edit");
  const [t, progress, assignable] = await Promise.all([
    getTranslations("details.tasks"),
    loadProjectProgress(db, user.organizationId, object.id),
    editable ? listAssignableUsers(db, user.organizationId, context.authorized.facts) : null,
  ]);
  const { items, nextCursor } = listed.data;
  return (
    <section aria-labelledby="project-tasks-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="project-tasks-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      <CompletionBar progress={progress} />
      {items.length > 0 && <TasksTable tasks={items} assignable={assignable} />}
      {nextCursor && <p className="text-sm text-gray-600">{t("more", { count: tasksShown })}</p>}
      {assignable && <AddTaskForm projectId={object.id} assignable={assignable} />}
    </section>
  );
}
