import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, users, workflowTasks } from "@/db/schema";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { authorizeObject, objectNotFoundMessage } from "@/lib/authz/object-access";
import type { AccessSubject } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { notifyWorkflowPeople, recordWorkflowEvent } from "./workflow-events";
import type { newTaskSchema } from "./workflow-schemas";
import type { z } from "zod";

type NewTask = z.output<typeof newTaskSchema>;

interface TaskTarget {
  organizationId: string;
  workflow: ObjectAccessFacts;
  subjects: readonly ObjectAccessFacts[];
  /** Prefix of the field names in refusals (`tasks.0.` on a create). */
  fieldPrefix?: string;
  clientAddress?: string | null;
}

/**
 * The revision a signature task signs: one the caller can view (else not_found, as for an unknown id), of a document
 * that is a subject of the workflow, and not obsolete.
 */
async function signableRevision(tx: Executor, subject: AccessSubject, target: TaskTarget, revisionId: string): Promise<Result<{ id: string; label: string }>> {
  const [revision] = await tx
    .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status, documentId: documentRevisions.objectId })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.id, revisionId), eq(documentRevisions.organizationId, target.organizationId)));
  if (!revision) return fail("not_found", objectNotFoundMessage);
  const visible = await authorizeObject(tx, subject, revision.documentId, "view", { clientAddress: target.clientAddress });
  if (!visible.ok) return fail("not_found", objectNotFoundMessage);
  const field = `${target.fieldPrefix ?? ""}revisionId`;
  if (!target.subjects.some((facts) => facts.id === revision.documentId)) return fail("invalid", "errors.fieldsNeedAttention", { [field]: "workflows.fields.revisionNotSubject" });
  if (revision.status === "obsolete") return fail("invalid", "errors.fieldsNeedAttention", { [field]: "workflows.fields.revisionObsolete" });
  return ok({ id: revision.id, label: revision.label });
}

/**
 * Adds one task to a workflow, after the others: the assignee must pass assigneeRefusal on the workflow and its
 * subjects; a signature task names a revision of a subject document. Recorded on the workflow's feed, and the
 * assignee is notified (unless they gave it to themselves).
 */
export async function insertWorkflowTask(
  tx: Executor,
  subject: AccessSubject,
  target: TaskTarget,
  task: NewTask,
  refuseAssignee: (userId: string) => Promise<string | null>,
): Promise<Result<{ id: string }>> {
  const prefix = target.fieldPrefix ?? "";
  const refusal = await refuseAssignee(task.assigneeId);
  if (refusal) return fail("invalid", "errors.fieldsNeedAttention", { [`${prefix}assigneeId`]: refusal });
  if (task.kind === "signature" && !task.revisionId) return fail("invalid", "errors.fieldsNeedAttention", { [`${prefix}revisionId`]: "workflows.fields.revisionRequired" });
  if (task.kind === "task" && task.revisionId) return fail("invalid", "errors.fieldsNeedAttention", { [`${prefix}revisionId`]: "workflows.fields.revisionOnlyForSignature" });
  const revision = task.kind === "signature" && task.revisionId ? await signableRevision(tx, subject, target, task.revisionId) : null;
  if (revision && !revision.ok) return revision;

  const siblings = and(eq(workflowTasks.organizationId, target.organizationId), eq(workflowTasks.workflowId, target.workflow.id));
  const [row] = await tx
    .insert(workflowTasks)
    .values({
      organizationId: target.organizationId,
      workflowId: target.workflow.id,
      kind: task.kind,
      title: task.title,
      assigneeId: task.assigneeId,
      dueDate: task.dueDate ?? null,
      revisionId: revision?.data.id ?? null,
      position: sql`(select coalesce(max(${workflowTasks.position}) + 1, 0) from ${workflowTasks} where ${siblings})`,
    })
    .returning({ id: workflowTasks.id });
  const [assignee] = await tx.select({ name: users.name }).from(users).where(and(eq(users.id, task.assigneeId), eq(users.organizationId, target.organizationId)));
  const data = { title: task.title, assigneeName: assignee?.name ?? "", ...(revision ? { label: revision.data.label } : {}) };
  await recordWorkflowEvent(tx, { organizationId: target.organizationId, objectId: target.workflow.id, actorId: subject.id, kind: "task_assigned", data: { taskId: row!.id, ...data } });
  await notifyWorkflowPeople(tx, {
    organizationId: target.organizationId,
    workflowId: target.workflow.id,
    actorId: subject.id,
    recipientIds: [task.assigneeId],
    kind: "task_assigned",
    data: { taskId: row!.id, title: task.title, dueDate: task.dueDate ?? undefined },
  });
  return ok({ id: row!.id });
}
