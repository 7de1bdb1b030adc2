import "server-only";
import { and, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { subjectOf } from "@/lib/authz/subject";
import { notificationObjectJoin } from "./notification-rows";
import { unreadCountCap } from "./unread-count-cap";
import { visibleNotificationsWhere } from "./visible-notifications";

/** How many of the caller's notifications shown in the bell are unread (up to the cap plus one). */
export async function countUnreadNotifications(db: Executor, user: ActingUser): Promise<number> {
  const unread = db
    .select({ id: notifications.id })
    .from(notifications)
    .leftJoin(objects, notificationObjectJoin)
    .where(and(await visibleNotificationsWhere(db, subjectOf(user)), isNull(notifications.readAt)))
    .limit(unreadCountCap + 1)
    .as("unread");
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(unread);
  return row?.count ?? 0;
}
