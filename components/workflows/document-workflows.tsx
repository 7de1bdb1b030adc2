import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { statusLabels } from "@/components/objects/status-label";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { objectPath } from "@/lib/objects/object-paths";
import { loadDocumentWorkflows } from "@/lib/workflows/load-document-workflows";
import { SignTaskForm } from "./sign-task-form";

/** On a document's page: the workflows about it, and the signatures the reader is asked for. */
export async function DocumentWorkflows({ context }: { context: ObjectPageContext }) {
  const { db, user, object } = context;
  const [{ workflows, mySignatures }, t, statusLabel] = await Promise.all([loadDocumentWorkflows(db, user, object.id), getTranslations("workflows.document"), statusLabels()]);
  if (workflows.length === 0 && mySignatures.length === 0) return null;
  return (
    <section aria-labelledby="document-workflows-heading" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4 sm:p-6">
      <h2 id="document-workflows-heading" className="text-base font-semibold text-gray-900">
        {t("heading")}
      </h2>
      {mySignatures.map((task) => (
        <SignTaskForm key={task.taskId} task={{ id: task.taskId, version: task.version, title: task.title, revisionLabel: task.revisionLabel }} workflowReference={task.workflowReference} />
      ))}
      <ul className="space-y-2 text-sm">
        {workflows.map((workflow) => (
          <li key={workflow.id} className="flex flex-wrap items-baseline gap-x-3 [overflow-wrap:anywhere]">
            <Link href={objectPath("workflow", workflow.id)} className="font-medium text-blue-700 hover:underline">
              {workflow.reference} {workflow.title}
            </Link>
            <span className="text-gray-600">
              {workflow.kind} · {statusLabel("workflow", workflow.status)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
