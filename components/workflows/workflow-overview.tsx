import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { statusLabels } from "@/components/objects/status-label";
import { Instant } from "@/components/ui/instant";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { objectPath } from "@/lib/objects/object-paths";
import { loadWorkflowPanel } from "@/lib/workflows/load-workflow-panel";
import { AddWorkflowTaskForm } from "./add-workflow-task-form";
import { WorkflowEditForm } from "./workflow-edit-form";
import { WorkflowStatusControls } from "./workflow-status-controls";
import { WorkflowTasksTable } from "./workflow-tasks-table";

/** A workflow: status, kind, responsible, subjects, tasks and signatures; controls for who may use them. */
export async function WorkflowOverview({ context }: { context: ObjectPageContext }) {
  const { db, user } = context;
  const [data, t, statusLabel] = await Promise.all([loadWorkflowPanel(db, user, context.authorized), getTranslations("workflows.panel"), statusLabels()]);
  if (!data) return null;
  const { workflow, manages, assignable, revisions, responsibles } = data;
  const openTasks = workflow.tasks.filter((task) => task.status === "open").length;
  return (
    <section aria-labelledby="workflow-heading" className="space-y-5 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="workflow-heading" className="text-base font-semibold text-gray-900">
        {t("heading", { kind: workflow.kind })}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-gray-600">{t("status")}</dt>
          <dd className="font-medium text-gray-900" data-testid="workflow-status">
            {statusLabel("workflow", workflow.status)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("responsible")}</dt>
          <dd>
            <Link href={`/people/${workflow.responsible.id}`} className="text-blue-700 hover:underline">
              {workflow.responsible.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-gray-600">{t("started")}</dt>
          <dd className="text-gray-900">{workflow.startedAt ? <Instant value={workflow.startedAt} /> : t("notStarted")}</dd>
        </div>
      </dl>
      {manages && <WorkflowStatusControls workflow={{ id: workflow.id, reference: workflow.reference, status: workflow.status, version: workflow.version, openTasks }} />}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-gray-900">{t("subjects")}</h3>
        {workflow.subjects.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noSubjects")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {workflow.subjects.map((subject) => (
              <li key={subject.id} className="[overflow-wrap:anywhere]">
                <Link href={objectPath(subject.type, subject.id)} className="text-blue-700 hover:underline">
                  {subject.reference} {subject.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-gray-900">{t("tasks")}</h3>
        {workflow.tasks.length === 0 ? (
          <p className="text-sm text-gray-600">{t("noTasks")}</p>
        ) : (
          <WorkflowTasksTable tasks={workflow.tasks} readerId={user.id} workflowInProgress={workflow.status === "in_progress"} />
        )}
      </div>
      {assignable && <AddWorkflowTaskForm workflowId={workflow.id} assignable={assignable} revisions={revisions} />}
      {responsibles && (
        <WorkflowEditForm workflow={{ id: workflow.id, kind: workflow.kind, responsibleId: workflow.responsible.id, version: workflow.version }} responsibles={responsibles} />
      )}
    </section>
  );
}
