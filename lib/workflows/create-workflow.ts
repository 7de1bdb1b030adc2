import "server-only";
import type { Executor } from "@/db/client";
import { workflows } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import { roleAllows } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { createObject } from "@/lib/objects/create-object";
import { createdButInvisibleMessage } from "@/lib/objects/object-messages";
import { fail, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getWorkflow } from "./get-workflow";
import { insertWorkflowTask } from "./insert-workflow-task";
import { linkSubjects } from "./link-subjects";
import { workflowMessages } from "./workflow-messages";
import { assigneeRefusal, responsibleRefusal } from "./workflow-people";
import { refusalAsResult, WorkflowRefusal } from "./workflow-refusal";
import { createWorkflowSchema, type CreateWorkflowInput } from "./workflow-schemas";
import type { WorkflowView } from "./workflow-view";

/**
 * Launches a workflow (Manager+; a Viewer is forbidden): the workflow object in draft, its responsible Manager (the
 * creator unless another Manager+ is named), its subjects — objects the creator can view — and its first tasks, all
 * in one transaction: any refusal leaves nothing behind.
 */
export async function createWorkflow(db: Executor, user: ActingUser, input: CreateWorkflowInput, context: { clientAddress?: string | null } = {}): Promise<Result<WorkflowView>> {
  const clientAddress = context.clientAddress ?? null;
  if (!roleAllows(user.role, "manage_workflows")) {
    await recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "access.denied",
      targetType: "action",
      targetId: "workflows.create",
      after: { reason: "role", role: user.role, capability: "manage_workflows" },
      clientAddress,
    });
    return fail("forbidden", workflowMessages.launchForbidden);
  }
  const parsed = parseInput(createWorkflowSchema, input);
  if (!parsed.ok) return parsed;
  const { kind, responsibleId, subjectIds, tasks, ...objectInput } = parsed.data;
  const subject = subjectOf(user);

  const created = await refusalAsResult(() =>
    db.transaction(async (tx) => {
      const made = await createObject(tx, user, { ...objectInput, type: "workflow", details: { kind } }, { clientAddress });
      if (!made.ok) throw new WorkflowRefusal(made);
      if (!made.data.visible) throw new WorkflowRefusal(fail("invalid", createdButInvisibleMessage));
      const workflowId = made.data.object.id;
      const workflow = await loadObjectAccessFacts(tx, user.organizationId, workflowId);
      if (!workflow) throw new Error("a created workflow vanished");
      const subjects = await linkSubjects(tx, subject, workflowId, subjectIds ?? [], clientAddress);
      if (responsibleId && responsibleId !== user.id) {
        const refusal = await responsibleRefusal(tx, user.organizationId, responsibleId, workflow);
        if (refusal) throw new WorkflowRefusal(fail("invalid", "errors.fieldsNeedAttention", { responsibleId: refusal }));
        await tx.update(workflows).set({ responsibleId }).where(and(eq(workflows.objectId, workflowId), eq(workflows.organizationId, user.organizationId)));
      }
      const targets = [workflow, ...subjects];
      for (const [index, task] of (tasks ?? []).entries()) {
        const added = await insertWorkflowTask(
          tx,
          subject,
          { organizationId: user.organizationId, workflow, subjects, fieldPrefix: `tasks.${index}.`, clientAddress },
          task,
          (userId) => assigneeRefusal(tx, user.organizationId, userId, targets),
        );
        if (!added.ok) throw new WorkflowRefusal(added);
      }
      return { ok: true as const, id: workflowId };
    }),
  );
  if (!created.ok) return created;
  return getWorkflow(db, user, { id: created.id });
}
