import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CalendarDate } from "@/components/objects/details/calendar-date";
import { DataTable } from "@/components/ui/data-table";
import { Instant } from "@/components/ui/instant";
import { objectPath } from "@/lib/objects/object-paths";
import type { WorkflowTaskView } from "@/lib/workflows/workflow-view";
import { CompleteTaskButton } from "./complete-task-button";
import { SignTaskForm } from "./sign-task-form";

interface Props {
  tasks: WorkflowTaskView[];
  readerId: string;
  workflowInProgress: boolean;
}

const statusStyles = { open: "bg-gray-100 text-gray-700", done: "bg-green-50 text-green-800", cancelled: "bg-amber-50 text-amber-900" } as const;

/** The tasks in order, with their signatures; the reader's own open tasks can be done (or signed) while it runs. */
export async function WorkflowTasksTable({ tasks, readerId, workflowInProgress }: Props) {
  const t = await getTranslations("workflows.panel");
  const mine = tasks.filter((task) => workflowInProgress && task.status === "open" && task.assignee?.id === readerId);
  return (
    <div className="space-y-4">
      <div className="[contain:inline-size]">
        <DataTable columns={[t("columns.task"), t("columns.assignee"), t("columns.due"), t("columns.status")]} caption={t("tasksCaption")}>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td className="min-w-48 px-4 py-2 align-top [overflow-wrap:anywhere]">
                <p className="font-medium text-gray-900">{task.title}</p>
                {task.kind === "signature" && (
                  <p className="text-xs text-gray-600">
                    {task.revision ? (
                      <Link href={objectPath("document", task.revision.documentId)} className="text-blue-700 hover:underline">
                        {t("signatureOf", { reference: task.revision.documentReference, label: task.revision.label })}
                      </Link>
                    ) : (
                      t("signatureHidden")
                    )}
                  </p>
                )}
                {task.signatures.map((signature) => (
                  <p key={signature.id} className={`mt-1 text-xs ${signature.decision === "approved" ? "text-green-800" : "text-red-800"}`}>
                    {t(signature.decision === "approved" ? "approvedBy" : "rejectedBy", { name: signature.signer.name })} · <Instant value={signature.signedAt} />
                    {signature.comment && <span className="block text-gray-700">“{signature.comment}”</span>}
                  </p>
                ))}
              </td>
              <td className="px-4 py-2 align-top [overflow-wrap:anywhere]">
                {task.assignee ? (
                  <Link href={`/people/${task.assignee.id}`} className="text-blue-700 hover:underline">
                    {task.assignee.name}
                  </Link>
                ) : (
                  <span className="text-gray-600">{t("unassigned")}</span>
                )}
              </td>
              <td className="whitespace-nowrap px-4 py-2 align-top">{task.dueDate ? <CalendarDate value={task.dueDate} /> : <span className="text-gray-600">{t("noDue")}</span>}</td>
              <td className="whitespace-nowrap px-4 py-2 align-top">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyles[task.status]}`}>{t(`taskStatus.${task.status}`)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      {mine.map((task) =>
        task.kind === "signature" ? (
          <SignTaskForm key={task.id} task={{ id: task.id, version: task.version, title: task.title, revisionLabel: task.revision?.label ?? "" }} />
        ) : (
          <CompleteTaskButton key={task.id} task={{ id: task.id, version: task.version, title: task.title }} />
        ),
      )}
    </div>
  );
}
