import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { activityEvents, type ObjectType } from "@/db/schema";

/**
 * The `commented` event beside each comment: the home page's "what changed lately" and the analytics read events,
 * not comments (the seed writes the same). The feed shows the comment itself instead.
 */
export async function recordCommentedEvent(
  db: Executor,
  event: { organizationId: string; objectId: string; objectType: ObjectType; actorId: string; commentId: string },
): Promise<void> {
  await db.insert(activityEvents).values({
    organizationId: event.organizationId,
    objectId: event.objectId,
    objectType: event.objectType,
    actorId: event.actorId,
    kind: "commented",
    data: { commentId: event.commentId },
  });
}

/** A deleted comment leaves no `commented` event pointing at nothing (its text stays in the audit log). */
export async function removeCommentedEvent(db: Executor, organizationId: string, objectId: string, commentId: string): Promise<void> {
  await db
    .delete(activityEvents)
    .where(
      and(
        eq(activityEvents.organizationId, organizationId),
        eq(activityEvents.objectId, objectId),
        eq(activityEvents.kind, "commented"),
        sql`${activityEvents.data} ->> 'commentId' = ${commentId}`,
      ),
    );
}
