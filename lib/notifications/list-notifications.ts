import "server-only";
import { and, desc, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { notifications, objects } from "@/db/schema";
import { decodeFeedCursor, encodeFeedCursor, olderThanSql } from "@/lib/activity/feed-cursor";
import type { ActingUser } from "@/lib/auth/acting-user";
import { subjectOf } from "@/lib/authz/subject";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import type { NotificationPage } from "./notification-item";
import { notificationItemColumns, notificationObjectJoin, toNotificationItem } from "./notification-rows";
import { visibleNotificationsWhere } from "./visible-notifications";

const listFields = z.strictObject({
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
  /** `true` for unread ones only. */
  unread: z.enum(["true", "false"], "notifications.fields.unreadInvalid").optional(),
});
export const listNotificationsSchema = withoutEmptyParameters(listFields);
export type ListNotificationsInput = z.input<typeof listFields>;

/** The caller's notifications, newest first, one page at a time; those about objects they cannot view are left out. */
export async function listNotifications(db: Executor, user: ActingUser, input: ListNotificationsInput): Promise<Result<NotificationPage>> {
  const parsed = parseInput(listNotificationsSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor: cursorText, unread } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeFeedCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const rows = await db
    .select({ ...notificationItemColumns, cursorAt: utcInstantSql(notifications.createdAt) })
    .from(notifications)
    .leftJoin(objects, notificationObjectJoin)
    .where(
      and(
        await visibleNotificationsWhere(db, subjectOf(user)),
        unread === "true" ? isNull(notifications.readAt) : undefined,
        cursor ? olderThanSql(cursor, notifications.createdAt, notifications.id) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map(toNotificationItem);
  return ok({ items, nextCursor: rows.length > limit && last ? encodeFeedCursor({ at: last.cursorAt, id: last.id }) : null });
}
