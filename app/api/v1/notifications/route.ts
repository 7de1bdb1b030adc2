import { defineRoute } from "@/lib/gate/define-route";
import { listNotifications, listNotificationsSchema } from "@/lib/notifications/list-notifications";

/** The caller's notifications, newest first (`?limit=&cursor=&unread=true`): `{ items, nextCursor }`; Viewer and up. */
export const GET = defineRoute({ name: "notifications.list", input: listNotificationsSchema, capability: "receive_notifications" }, ({ db, user, input }) =>
  listNotifications(db, user, input),
);
