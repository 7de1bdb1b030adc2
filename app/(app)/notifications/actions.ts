"use server";

import { defineAction } from "@/lib/gate/define-action";
import { markNotificationsRead, markNotificationsReadSchema } from "@/lib/notifications/mark-notifications-read";

export const markNotificationsReadAction = defineAction(
  { name: "notifications.mark_read", input: markNotificationsReadSchema, capability: "receive_notifications" },
  ({ db, user, input }) => markNotificationsRead(db, user, input),
);
