import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, objects, type RevisionStatus } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AuthorizedObject } from "@/lib/authz/object-access";
import { getWorkflow } from "./get-workflow";
import { peopleWith } from "./load-workflow-create-choices";
import { mayManageWorkflow } from "./manage-workflow";
import { listWorkflowAssignees } from "./workflow-people";
import { loadSubjectFacts } from "./workflow-subjects";
import type { PersonRef, WorkflowView } from "./workflow-view";

export interface SignableRevision {
  id: string;
  label: string;
  status: RevisionStatus;
  documentReference: string;
}

export interface WorkflowPanelData {
  workflow: WorkflowView;
  /** Whether the reader manages it (Admin, or its responsible Manager): the status controls show. */
  manages: boolean;
  /** For who manages a workflow that is not finished: the people a task may go to (never a shared-computer account). */
  assignable: PersonRef[] | null;
  /** The draft and validated revisions of its subject documents, for signature tasks. */
  revisions: SignableRevision[];
  /** For who manages a workflow that is not finished: the Managers and Admins it may be handed to. */
  responsibles: PersonRef[] | null;
}

/** The revisions a signature task may sign: those not obsolete, of the subject documents the reader sees. */
async function signableRevisions(db: Executor, organizationId: string, documentIds: string[]): Promise<SignableRevision[]> {
  if (documentIds.length === 0) return [];
  return db
    .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status, documentReference: objects.reference })
    .from(documentRevisions)
    .innerJoin(objects, and(eq(objects.id, documentRevisions.objectId), eq(objects.organizationId, documentRevisions.organizationId)))
    .where(and(eq(documentRevisions.organizationId, organizationId), inArray(documentRevisions.objectId, documentIds), ne(documentRevisions.status, "obsolete")))
    .orderBy(asc(objects.reference), asc(documentRevisions.sequence));
}

/** What a workflow's panel shows the reader, with the page gate's decision (null when it is not one they see). */
export async function loadWorkflowPanel(db: Executor, user: ActingUser, authorized: AuthorizedObject): Promise<WorkflowPanelData | null> {
  const loaded = await getWorkflow(db, user, { id: authorized.facts.id }, { authorized });
  if (!loaded.ok) return null;
  const workflow = loaded.data;
  const manages = mayManageWorkflow(user, { responsibleId: workflow.responsible.id });
  const open = workflow.status === "draft" || workflow.status === "in_progress";
  if (!manages || !open) return { workflow, manages, assignable: null, revisions: [], responsibles: null };
  const documentIds = workflow.subjects.filter((subject) => subject.type === "document").map((subject) => subject.id);
  const [assignable, revisions, responsibles] = await Promise.all([
    loadSubjectFacts(db, user.organizationId, workflow.id).then((subjects) => listWorkflowAssignees(db, user.organizationId, authorized.facts, subjects)),
    signableRevisions(db, user.organizationId, documentIds),
    peopleWith(db, user.organizationId, "manage_workflows"),
  ]);
  return { workflow, manages, assignable, revisions, responsibles };
}
