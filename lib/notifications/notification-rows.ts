import "server-only";
import { and, eq } from "drizzle-orm";
import { notifications, objects, type ObjectType } from "@/db/schema";
import type { NotificationKind } from "./notification-kinds";
import type { NotificationItem } from "./notification-item";

/** What a notification item is read from: the notification, and its object left-joined (`notificationObjectJoin`). */
export const notificationItemColumns = {
  id: notifications.id,
  kind: notifications.kind,
  data: notifications.data,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
  objectId: objects.id,
  objectType: objects.type,
  reference: objects.reference,
  title: objects.title,
};

export const notificationObjectJoin = and(eq(objects.id, notifications.objectId), eq(objects.organizationId, notifications.organizationId));

/** A selected row: the object's columns are null where the join found none. */
interface NotificationItemRow {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
  objectId: string | null;
  objectType: ObjectType | null;
  reference: string | null;
  title: string | null;
}

export function toNotificationItem(row: NotificationItemRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    data: row.data,
    read: row.readAt !== null,
    createdAt: row.createdAt,
    target:
      row.objectId !== null && row.objectType !== null && row.reference !== null && row.title !== null
        ? { id: row.objectId, type: row.objectType, reference: row.reference, title: row.title }
        : null,
  };
}
