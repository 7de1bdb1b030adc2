import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, objects, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { rolesWithCapability } from "@/lib/authz/roles";
import { planFor, subjectOf } from "@/lib/authz/subject";
import type { SignableRevision } from "./load-workflow-panel";
import type { PersonRef, WorkflowSubjectView } from "./workflow-view";

export interface WorkflowCreateChoices {
  /** Active personal Managers and Admins; the creator is the default. */
  responsibles: PersonRef[];
  creatorId: string;
  /** The newest objects the creator can view, of the types a workflow may be about. */
  subjects: WorkflowSubjectView[];
  /** Active personal Viewer+ accounts: never a shared-computer account (the server checks each one's access). */
  assignees: PersonRef[];
  /** Draft and validated revisions of the documents offered as subjects. */
  revisions: SignableRevision[];
}

const subjectsOffered = 100;
const peopleOffered = 500;

/** Active personal accounts whose role holds the capability, by name. */
export async function peopleWith(db: Executor, organizationId: string, capability: "manage_workflows" | "be_assigned_tasks"): Promise<PersonRef[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.active, true), eq(users.kind, "person"), inArray(users.role, [...rolesWithCapability[capability]])))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(peopleOffered);
}

/** What the create form of a workflow offers its creator; the server decides every pick again. */
export async function loadWorkflowCreateChoices(db: Executor, user: ActingUser): Promise<WorkflowCreateChoices> {
  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download" });
  const [responsibles, assignees, subjects] = await Promise.all([
    peopleWith(db, user.organizationId, "manage_workflows"),
    peopleWith(db, user.organizationId, "be_assigned_tasks"),
    filter.never
      ? Promise.resolve([])
      : db
          .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title })
          .from(objects)
          .where(and(filter.where, ne(objects.type, "workflow")))
          .orderBy(desc(objects.createdAt), desc(objects.id))
          .limit(subjectsOffered),
  ]);
  const documentIds = subjects.filter((candidate) => candidate.type === "document").map((candidate) => candidate.id);
  const revisions =
    documentIds.length === 0
      ? []
      : await db
          .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status, documentReference: objects.reference })
          .from(documentRevisions)
          .innerJoin(objects, and(eq(objects.id, documentRevisions.objectId), eq(objects.organizationId, documentRevisions.organizationId)))
          .where(and(eq(documentRevisions.organizationId, user.organizationId), inArray(documentRevisions.objectId, documentIds), ne(documentRevisions.status, "obsolete")))
          .orderBy(asc(objects.reference), asc(documentRevisions.sequence));
  return { responsibles, creatorId: user.id, subjects, assignees, revisions };
}
