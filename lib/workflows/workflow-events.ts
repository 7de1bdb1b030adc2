import "server-only";
import type { Executor } from "@/db/client";
import type { ObjectType } from "@/db/schema";
import { notifyUsers } from "@/lib/notifications/notify-users";
import { recordObjectActivity, type ObjectActivityKind } from "@/lib/objects/record-object-activity";

type WorkflowEventKind = Extract<
  ObjectActivityKind,
  "workflow_started" | "workflow_completed" | "workflow_cancelled" | "task_assigned" | "task_completed" | "revision_signed" | "revision_rejected"
>;

/** Appends a workflow event to an object's feed: the workflow's, or the signed document's. */
export async function recordWorkflowEvent(
  tx: Executor,
  event: { organizationId: string; objectId: string; objectType?: ObjectType; actorId: string; kind: WorkflowEventKind; data: Record<string, unknown> },
): Promise<void> {
  await recordObjectActivity(tx, { ...event, objectType: event.objectType ?? "workflow" });
}

/**
 * Tells the people of a workflow what happened: task assignments to the assignee, status changes to assignees and
 * the responsible — never the one who did it (notifyUsers also leaves out whoever may not receive or see it).
 */
export async function notifyWorkflowPeople(
  tx: Executor,
  notice: { organizationId: string; workflowId: string; actorId: string; recipientIds: string[]; kind: "task_assigned" | "workflow_changed"; data: Record<string, unknown> },
): Promise<void> {
  await notifyUsers(tx, {
    organizationId: notice.organizationId,
    recipientIds: notice.recipientIds,
    kind: notice.kind,
    objectId: notice.workflowId,
    data: notice.data,
    actorId: notice.actorId,
  });
}
