import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectLinks } from "@/db/schema";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { authorizeObject } from "@/lib/authz/object-access";
import type { AccessSubject } from "@/lib/authz/subject";
import { linkKindAllows } from "@/lib/links/link-kinds";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail } from "@/lib/result";
import { WorkflowRefusal } from "./workflow-refusal";

/** Links the subjects: each one the creator can view (else not_found, as for an unknown id), of a type a workflow may have. */
export async function linkSubjects(tx: Executor, subject: AccessSubject, workflowId: string, subjectIds: string[], clientAddress: string | null): Promise<ObjectAccessFacts[]> {
  const linked: ObjectAccessFacts[] = [];
  for (const subjectId of new Set(subjectIds)) {
    const authorized = await authorizeObject(tx, subject, subjectId, "view", { clientAddress });
    if (!authorized.ok) throw new WorkflowRefusal(authorized);
    if (!linkKindAllows("workflow_subject", "workflow", authorized.data.facts.type)) {
      throw new WorkflowRefusal(fail("invalid", "errors.fieldsNeedAttention", { subjectIds: "workflows.fields.subjectTypeNotAllowed" }));
    }
    const [link] = await tx
      .insert(objectLinks)
      .values({ organizationId: subject.organizationId, fromObjectId: workflowId, toObjectId: subjectId, kind: "workflow_subject", createdById: subject.id })
      .returning({ id: objectLinks.id });
    await recordObjectActivity(tx, {
      organizationId: subject.organizationId,
      objectId: workflowId,
      objectType: "workflow",
      actorId: subject.id,
      kind: "linked",
      data: { linkId: link!.id, kind: "workflow_subject", targetId: subjectId },
    });
    linked.push(authorized.data.facts);
  }
  return linked;
}

/** Unlinks subjects from the workflow, each recorded on its feed. */
export async function unlinkSubjects(tx: Executor, subject: AccessSubject, workflowId: string, subjectIds: string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  const removed = await tx
    .delete(objectLinks)
    .where(
      and(
        eq(objectLinks.organizationId, subject.organizationId),
        eq(objectLinks.fromObjectId, workflowId),
        eq(objectLinks.kind, "workflow_subject"),
        inArray(objectLinks.toObjectId, subjectIds),
      ),
    )
    .returning({ id: objectLinks.id, targetId: objectLinks.toObjectId });
  for (const link of removed) {
    await recordObjectActivity(tx, {
      organizationId: subject.organizationId,
      objectId: workflowId,
      objectType: "workflow",
      actorId: subject.id,
      kind: "unlinked",
      data: { linkId: link.id, kind: "workflow_subject", targetId: link.targetId },
    });
  }
}
