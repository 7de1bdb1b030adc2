import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { workflows } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getWorkflow } from "./get-workflow";
import { linkSubjects, unlinkSubjects } from "./link-subjects";
import { workflowMessages } from "./workflow-messages";
import { responsibleRefusal } from "./workflow-people";
import { refusalAsResult } from "./workflow-refusal";
import { updateWorkflowSchema, type UpdateWorkflowInput } from "./workflow-schemas";
import type { WorkflowView } from "./workflow-view";
import { bumpWorkflowVersion, workflowWrite } from "./workflow-write";
import { visibleSubjectIds } from "./workflow-subjects";

/**
 * Edits a workflow that is not finished — its kind, its responsible (a Manager+ who can view it), its subjects (the
 * list the editor sees, complete: subjects they cannot see are kept) — at the version the editor read. Admins edit
 * any workflow, the responsible Manager their own.
 */
export async function updateWorkflow(db: Executor, user: ActingUser, input: UpdateWorkflowInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowView>> {
  const parsed = parseInput(updateWorkflowSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, kind, responsibleId, subjectIds } = parsed.data;
  const clientAddress = context.clientAddress ?? null;
  const done = await refusalAsResult(() =>
    workflowWrite(db, user, { workflowId: id, expectedVersion: version, manage: true, clientAddress }, async ({ tx, subject, workflow, authorized }) => {
      if (workflow.status === "completed" || workflow.status === "cancelled") return fail("conflict", workflowMessages.finished);
      const change: Partial<typeof workflows.$inferInsert> = {};
      if (kind) change.kind = kind;
      if (responsibleId && responsibleId !== workflow.responsibleId) {
        const refusal = await responsibleRefusal(tx, user.organizationId, responsibleId, authorized.facts);
        if (refusal) return fail("invalid", "errors.fieldsNeedAttention", { responsibleId: refusal });
        change.responsibleId = responsibleId;
      }
      if (Object.keys(change).length > 0) {
        await tx.update(workflows).set({ ...change, updatedAt: new Date() }).where(and(eq(workflows.objectId, id), eq(workflows.organizationId, user.organizationId)));
      }
      if (subjectIds) {
        const seen = await visibleSubjectIds(tx, subject, id);
        const wanted = new Set(subjectIds);
        await unlinkSubjects(tx, subject, id, [...seen].filter((subjectId) => !wanted.has(subjectId)));
        await linkSubjects(tx, subject, id, [...wanted].filter((subjectId) => !seen.has(subjectId)), clientAddress);
      }
      await bumpWorkflowVersion(tx, user.organizationId, id);
      return ok(null);
    }),
  );
  return done.ok ? getWorkflow(db, user, { id }) : done;
}
