import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { documentRevisions, objectLinks, objects, signatures, users, workflows, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, objectNotFoundMessage, type ObjectReadContext } from "@/lib/authz/object-access";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf, type AccessSubject } from "@/lib/authz/subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { fail, ok, type Result } from "@/lib/result";
import { isoOrNull, type SignatureView, type WorkflowSubjectView, type WorkflowTaskView, type WorkflowView } from "./workflow-view";

const responsible = alias(users, "responsible");
const documents = alias(objects, "signed_document");

/** The subjects the reader can view, by reference (decided in SQL by the predicate). */
async function visibleSubjects(db: Executor, subject: AccessSubject, workflowId: string): Promise<WorkflowSubjectView[]> {
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel: "view_no_download" });
  if (filter.never) return [];
  return db
    .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title })
    .from(objectLinks)
    .innerJoin(objects, and(eq(objects.id, objectLinks.toObjectId), eq(objects.organizationId, objectLinks.organizationId)))
    .where(and(eq(objectLinks.organizationId, subject.organizationId), eq(objectLinks.fromObjectId, workflowId), eq(objectLinks.kind, "workflow_subject"), filter.where))
    .orderBy(asc(objects.reference));
}

async function loadTasks(db: Executor, subject: AccessSubject, workflowId: string): Promise<WorkflowTaskView[]> {
  const rows = await db
    .select({
      id: workflowTasks.id,
      kind: workflowTasks.kind,
      title: workflowTasks.title,
      assigneeId: users.id,
      assigneeName: users.name,
      assigneeActive: users.active,
      dueDate: workflowTasks.dueDate,
      status: workflowTasks.status,
      completedAt: workflowTasks.completedAt,
      position: workflowTasks.position,
      version: workflowTasks.version,
      revisionId: documentRevisions.id,
      revisionLabel: documentRevisions.label,
      revisionStatus: documentRevisions.status,
      documentId: documents.id,
      documentReference: documents.reference,
    })
    .from(workflowTasks)
    .leftJoin(users, and(eq(users.id, workflowTasks.assigneeId), eq(users.organizationId, workflowTasks.organizationId)))
    .leftJoin(documentRevisions, and(eq(documentRevisions.id, workflowTasks.revisionId), eq(documentRevisions.organizationId, workflowTasks.organizationId)))
    .leftJoin(documents, and(eq(documents.id, documentRevisions.objectId), eq(documents.organizationId, documentRevisions.organizationId)))
    .where(and(eq(workflowTasks.organizationId, subject.organizationId), eq(workflowTasks.workflowId, workflowId)))
    .orderBy(asc(workflowTasks.position), asc(workflowTasks.createdAt), asc(workflowTasks.id));
  const documentIds = [...new Set(rows.flatMap((row) => (row.documentId ? [row.documentId] : [])))];
  const readable = await visibleObjectIds(db, subject, "document", documentIds);
  const signed = await loadSignatures(db, subject.organizationId, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName, active: row.assigneeActive ?? false } : null,
    dueDate: row.dueDate,
    status: row.status,
    completedAt: isoOrNull(row.completedAt),
    position: row.position,
    version: row.version,
    revision:
      row.revisionId && row.documentId && readable.has(row.documentId)
        ? { id: row.revisionId, label: row.revisionLabel!, status: row.revisionStatus!, documentId: row.documentId, documentReference: row.documentReference! }
        : null,
    signatures: signed.get(row.id) ?? [],
  }));
}

async function loadSignatures(db: Executor, organizationId: string, taskIds: string[]): Promise<Map<string, SignatureView[]>> {
  const byTask = new Map<string, SignatureView[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await db
    .select({
      id: signatures.id,
      taskId: signatures.taskId,
      decision: signatures.decision,
      comment: signatures.comment,
      signedAt: signatures.signedAt,
      signerId: users.id,
      signerName: users.name,
    })
    .from(signatures)
    .innerJoin(users, and(eq(users.id, signatures.signerId), eq(users.organizationId, signatures.organizationId)))
    .where(and(eq(signatures.organizationId, organizationId), inArray(signatures.taskId, taskIds)))
    .orderBy(asc(signatures.signedAt), asc(signatures.id));
  for (const row of rows) {
    if (!row.taskId) continue;
    const list = byTask.get(row.taskId) ?? [];
    list.push({ id: row.id, decision: row.decision, comment: row.comment, signedAt: new Date(row.signedAt).toISOString(), signer: { id: row.signerId, name: row.signerName } });
    byTask.set(row.taskId, list);
  }
  return byTask;
}

/** One workflow the caller can view (else not_found), with its visible subjects, its tasks and their signatures. */
export async function getWorkflow(db: Executor, user: ActingUser, input: { id: string }, context: ObjectReadContext = {}): Promise<Result<WorkflowView>> {
  const subject = subjectOf(user);
  const authorized = await authorizeObjectRead(db, subject, input.id, "view", context);
  if (!authorized.ok) return authorized;
  if (authorized.data.facts.type !== "workflow") return fail("not_found", objectNotFoundMessage);
  const [row] = await db
    .select({
      reference: objects.reference,
      title: objects.title,
      version: objects.version,
      createdAt: objects.createdAt,
      updatedAt: objects.updatedAt,
      kind: workflows.kind,
      status: workflows.status,
      startedAt: workflows.startedAt,
      completedAt: workflows.completedAt,
      cancelledAt: workflows.cancelledAt,
      responsibleId: responsible.id,
      responsibleName: responsible.name,
    })
    .from(workflows)
    .innerJoin(objects, and(eq(objects.id, workflows.objectId), eq(objects.organizationId, workflows.organizationId)))
    .innerJoin(responsible, and(eq(responsible.id, workflows.responsibleId), eq(responsible.organizationId, workflows.organizationId)))
    .where(and(eq(workflows.objectId, input.id), eq(workflows.organizationId, user.organizationId)));
  if (!row) return fail("not_found", objectNotFoundMessage);
  const [subjects, tasks] = await Promise.all([visibleSubjects(db, subject, input.id), loadTasks(db, subject, input.id)]);
  return ok({
    id: input.id,
    reference: row.reference,
    title: row.title,
    kind: row.kind,
    status: row.status,
    responsible: { id: row.responsibleId, name: row.responsibleName },
    subjects,
    tasks,
    startedAt: isoOrNull(row.startedAt),
    completedAt: isoOrNull(row.completedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  });
}
