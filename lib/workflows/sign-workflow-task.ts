import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, signatures, workflowTasks } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObject } from "@/lib/authz/object-access";
import { markRevisionValidated } from "@/lib/documents/validate-revision";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { assigneeTaskWrite, closeTask, completeWhenAllDone } from "./complete-workflow-task";
import { getWorkflow } from "./get-workflow";
import { recordWorkflowEvent } from "./workflow-events";
import { workflowMessages } from "./workflow-messages";
import { signTaskSchema, type SignTaskInput } from "./workflow-schemas";
import { sendWorkflowBack } from "./workflow-status";
import type { WorkflowView } from "./workflow-view";

/**
 * Whether every live signature task of this workflow on the revision is done and approved: each task's last
 * signature decides (a rejected task is opened again when the workflow restarts).
 */
async function allApproved(tx: Executor, organizationId: string, workflowId: string, revisionId: string): Promise<boolean> {
  const tasks = await tx
    .select({
      status: workflowTasks.status,
      // Written out: drizzle leaves the outer row's columns unqualified in a one-table select.
      lastDecision: sql<string | null>`(select s.decision from signatures s where s.task_id = "workflow_tasks"."id" order by s.signed_at desc, s.id desc limit 1)`,
    })
    .from(workflowTasks)
    .where(
      and(
        eq(workflowTasks.organizationId, organizationId),
        eq(workflowTasks.workflowId, workflowId),
        eq(workflowTasks.revisionId, revisionId),
        eq(workflowTasks.kind, "signature"),
        ne(workflowTasks.status, "cancelled"),
      ),
    );
  return tasks.every((task) => task.status === "done" && task.lastDecision === "approved");
}

/**
 * The assignee of a signature task signs its revision: who, when, the revision, approve or reject, and a comment (a
 * rejection must say why). The signer needs `sign` on the document (View, Viewer+). The signature is recorded on the
 * workflow's and the document's feeds.
 * - In an ECO (the validation workflow), once every signature task on a draft revision has approved, the revision is
 *   validated with the workflow's responsible as validator; the last open task done completes the workflow.
 * - A rejection sends it back: the revision stays a draft and the workflow returns to draft with the comment, for its
 *   responsible to have the revision reworked and start it again.
 */
export async function signWorkflowTask(db: Executor, user: ActingUser, input: SignTaskInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(signTaskSchema, input);
  if (!parsed.ok) return parsed;
  const { decision } = parsed.data;
  const comment = parsed.data.comment || null;
  if (decision === "rejected" && !comment) return fail("invalid", "errors.fieldsNeedAttention", { comment: workflowMessages.rejectionNeedsComment });

  const done = await assigneeTaskWrite(db, user, parsed.data, context, async (writeContext) => {
    const { tx, task, workflow, subject } = writeContext;
    if (task.kind !== "signature" || !task.revisionId) return fail("invalid", workflowMessages.completeInstead);
    const [revision] = await tx
      .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status, documentId: documentRevisions.objectId })
      .from(documentRevisions)
      .where(and(eq(documentRevisions.id, task.revisionId), eq(documentRevisions.organizationId, user.organizationId)));
    if (!revision) return fail("not_found", workflowMessages.taskNotFound);
    const maySign = await authorizeObject(tx, subject, revision.documentId, "sign", { clientAddress: context.clientAddress });
    if (!maySign.ok) return maySign;

    await tx.insert(signatures).values({ organizationId: user.organizationId, revisionId: revision.id, taskId: task.id, signerId: user.id, decision, comment });
    const data = { revisionId: revision.id, label: revision.label, decision, comment, title: workflow.title, reference: workflow.reference };
    await closeTask(tx, user.organizationId, user, writeContext, { decision });
    const kind = decision === "approved" ? "revision_signed" : "revision_rejected";
    await recordWorkflowEvent(tx, { organizationId: user.organizationId, objectId: workflow.id, actorId: user.id, kind, data });
    await recordWorkflowEvent(tx, { organizationId: user.organizationId, objectId: revision.documentId, objectType: "document", actorId: user.id, kind, data: { ...data, workflowId: workflow.id } });

    if (decision === "rejected") {
      await sendWorkflowBack(tx, user.organizationId, user.id, workflow, comment ?? "");
      return ok(workflow.id);
    }
    if (workflow.kind === "ECO" && revision.status === "draft" && (await allApproved(tx, user.organizationId, workflow.id, revision.id))) {
      // A revision validated meanwhile by other means keeps that validation: the signature stands either way.
      await markRevisionValidated(tx, { organizationId: user.organizationId, objectId: revision.documentId, revisionId: revision.id, validatedById: workflow.responsibleId });
    }
    await completeWhenAllDone(tx, user.organizationId, user.id, writeContext);
    return ok(workflow.id);
  });
  return done.ok ? getWorkflow(db, user, { id: done.data }) : done;
}
