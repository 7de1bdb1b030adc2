import "server-only";
import type { Executor } from "@/db/client";
import { activityEvents, type ObjectType } from "@/db/schema";

/** What object services write to an object's activity feed. */
export type ObjectActivityKind =
  | "created"
  | "updated"
  | "scope_changed"
  | "trashed"
  | "restored"
  | "linked"
  | "unlinked"
  // Documents: `data` holds the revision `label`, and `fileName` for file events.
  | "revision_created"
  | "revision_validated"
  | "file_added"
  | "file_removed"
  // Workflows, on the workflow and on the revision signed: `label`, `decision`, `comment`, `title`, `assigneeName`.
  | "workflow_started"
  | "workflow_completed"
  | "workflow_cancelled"
  | "task_assigned"
  | "task_completed"
  | "revision_signed"
  | "revision_rejected";

/** Appends one event to the object's activity feed. */
export async function recordObjectActivity(
  db: Executor,
  event: { organizationId: string; objectId: string; objectType: ObjectType; actorId: string; kind: ObjectActivityKind; data?: Record<string, unknown> },
): Promise<void> {
  await db.insert(activityEvents).values({
    organizationId: event.organizationId,
    objectId: event.objectId,
    objectType: event.objectType,
    actorId: event.actorId,
    kind: event.kind,
    data: event.data ?? {},
  });
}
