import "server-only";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";

/**
 * The user's notifications that may be shown: about no object, or about an object they can view now — the
 * visibility predicate on the left-joined `objects`, so one about an object since hidden, trashed or moved out of
 * their scope drops out in SQL. Callers left-join `objects` on `notifications.object_id`.
 */
export async function visibleNotificationsWhere(db: Executor, subject: AccessSubject): Promise<SQL> {
  const visible = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel: "view_no_download" });
  const mine = and(eq(notifications.organizationId, subject.organizationId), eq(notifications.userId, subject.id));
  return and(mine, visible.never ? isNull(notifications.objectId) : or(isNull(notifications.objectId), visible.where))!;
}
