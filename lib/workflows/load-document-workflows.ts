import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, objects, workflows, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { listWorkflows } from "./list-workflows";
import type { WorkflowSummary } from "./workflow-view";

/** A signature task waiting for the reader on one of this document's revisions. */
export interface MySignatureTask {
  taskId: string;
  version: number;
  title: string;
  workflowId: string;
  workflowReference: string;
  workflowTitle: string;
  revisionLabel: string;
}

const workflowsShown = 20;

/** The workflows about a document the reader sees, and the signature tasks on it waiting for them (workflows in progress). */
export async function loadDocumentWorkflows(db: Executor, user: ActingUser, documentId: string): Promise<{ workflows: WorkflowSummary[]; mySignatures: MySignatureTask[] }> {
  const listed = await listWorkflows(db, user, { objectId: documentId, limit: workflowsShown });
  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download", type: "workflow" });
  const mySignatures = filter.never
    ? []
    : await db
        .select({
          taskId: workflowTasks.id,
          version: workflowTasks.version,
          title: workflowTasks.title,
          workflowId: objects.id,
          workflowReference: objects.reference,
          workflowTitle: objects.title,
          revisionLabel: documentRevisions.label,
        })
        .from(workflowTasks)
        .innerJoin(documentRevisions, and(eq(documentRevisions.id, workflowTasks.revisionId), eq(documentRevisions.organizationId, workflowTasks.organizationId)))
        .innerJoin(workflows, and(eq(workflows.objectId, workflowTasks.workflowId), eq(workflows.organizationId, workflowTasks.organizationId)))
        .innerJoin(objects, and(eq(objects.id, workflows.objectId), eq(objects.organizationId, workflows.organizationId)))
        .where(
          and(
            eq(workflowTasks.organizationId, user.organizationId),
            eq(workflowTasks.assigneeId, user.id),
            eq(workflowTasks.kind, "signature"),
            eq(workflowTasks.status, "open"),
            eq(documentRevisions.objectId, documentId),
            eq(workflows.status, "in_progress"),
            filter.where,
          ),
        )
        .orderBy(asc(workflowTasks.dueDate), asc(workflowTasks.id));
  return { workflows: listed.ok ? listed.data.items : [], mySignatures };
}
