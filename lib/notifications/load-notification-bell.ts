import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { objectPath } from "@/lib/objects/object-paths";
import { countUnreadNotifications } from "./count-unread";
import { listNotifications } from "./list-notifications";
import type { NotificationItem } from "./notification-item";
import { notificationSentence, type NotificationsTranslator } from "./notification-sentence";

/** A notification ready to show: its sentence in the reader's language and where it leads. */
export interface ShownNotification {
  id: string;
  sentence: string;
  href: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationBell {
  unread: number;
  latest: ShownNotification[];
}

/** How many the bell's panel lists; the rest are on /notifications. */
const bellSize = 8;

export function shownNotification(t: NotificationsTranslator, item: NotificationItem): ShownNotification {
  return {
    id: item.id,
    sentence: notificationSentence(t, item),
    href: item.target ? objectPath(item.target.type, item.target.id) : null,
    read: item.read,
    createdAt: item.createdAt.toISOString(),
  };
}

/** The header bell of a user whose role receives notifications (null for the others: no bell). */
export async function loadNotificationBell(user: ActingUser): Promise<NotificationBell | null> {
  if (!roleAllows(user.role, "receive_notifications")) return null;
  const db = await getDb();
  const [unread, page, t] = await Promise.all([countUnreadNotifications(db, user), listNotifications(db, user, { limit: bellSize }), getTranslations("notifications")]);
  return { unread, latest: page.ok ? page.data.items.map((item) => shownNotification(t, item)) : [] };
}
