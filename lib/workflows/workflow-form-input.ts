import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { CreateObjectInput } from "@/lib/objects/create-object";
import type { Result } from "@/lib/result";
import { createWorkflow } from "./create-workflow";
import { createFormTaskRows } from "./create-form-rows";
import type { CreateWorkflowInput, NewTaskInput } from "./workflow-schemas";
import type { WorkflowView } from "./workflow-view";

/**
 * The workflow create form's values as the service's input: the common object fields already read, the kind from
 * `details.kind`, the responsible, the checked `subject:<id>` boxes and the task rows whose title is filled.
 */
function workflowInputOf(object: CreateObjectInput, values: Record<string, string>): { input: CreateWorkflowInput; rows: number[] } {
  const { type, details, ...common } = object;
  void type;
  const tasks: NewTaskInput[] = [];
  const rows: number[] = [];
  for (let row = 0; row < createFormTaskRows; row++) {
    const field = (name: string) => values[`tasks.${row}.${name}`] ?? "";
    if (!field("title").trim()) continue;
    rows.push(row);
    tasks.push({
      title: field("title"),
      kind: field("kind") === "signature" ? "signature" : "task",
      assigneeId: field("assigneeId"),
      ...(field("dueDate") ? { dueDate: field("dueDate") } : {}),
      ...(field("revisionId") ? { revisionId: field("revisionId") } : {}),
    });
  }
  const input = {
    ...common,
    kind: (details?.kind ?? "") as CreateWorkflowInput["kind"],
    ...(values.responsibleId ? { responsibleId: values.responsibleId } : {}),
    subjectIds: Object.keys(values)
      .filter((key) => key.startsWith("subject:") && values[key] === "on")
      .map((key) => key.slice("subject:".length)),
    tasks,
  };
  return { input, rows };
}

/** Launches a workflow from its create form; refusals of a task name the form's row (`tasks.<row>.<field>`), not the list's index. */
export async function createWorkflowFromForm(
  db: Executor,
  user: ActingUser,
  object: CreateObjectInput,
  values: Record<string, string>,
  context: { clientAddress?: string | null },
): Promise<Result<WorkflowView>> {
  const { input, rows } = workflowInputOf(object, values);
  const created = await createWorkflow(db, user, input, context);
  if (created.ok || !created.error.fields) return created;
  const fields = Object.fromEntries(
    Object.entries(created.error.fields).map(([key, message]) => [key.replace(/^tasks\.(\d+)\./, (_, index: string) => `tasks.${rows[Number(index)] ?? index}.`), message]),
  );
  return { ok: false, error: { ...created.error, fields } };
}
