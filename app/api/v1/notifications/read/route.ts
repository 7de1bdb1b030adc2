import { defineRoute } from "@/lib/gate/define-route";
import { markNotificationsRead, markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read";

/** Marks `{ ids }` or `{ all: true }` of the caller's notifications read: `{ marked }`. */
export const POST = defineRoute({ name: "notifications.mark_read", input: markNotificationsReadSchema, capability: "receive_notifications" }, ({ db, user, input }) =>
  markNotificationsRead(db, user, input),
);
