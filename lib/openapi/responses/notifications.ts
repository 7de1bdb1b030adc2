import { z } from "zod";
import { notificationEmailModes } from "@/db/schema/notifications-delivery";
import type { listNotifications } from "@/lib/notifications/list-notifications";
import type { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { notificationKinds } from "@/lib/notifications/notification-kinds";
import type { readNotificationPreferences } from "@/lib/notifications/notification-preferences";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, instant, objectRef, page, version } from "./common-schemas";

const preferences = describes<Awaited<ReturnType<typeof readNotificationPreferences>>>()(z.strictObject({ email: z.enum(notificationEmailModes), version }));

const notification = describes<ServiceData<typeof listNotifications>["items"][number]>()(
  z.strictObject({
    id,
    kind: z.enum(notificationKinds),
    data: z.record(z.string(), z.unknown()),
    read: z.boolean(),
    createdAt: instant,
    target: objectRef.nullable(),
  }),
);

export const notificationResponses: ResponseDeclarations = {
  "GET /api/v1/me/notification-preferences": { summary: "The caller's notification preferences", schema: preferences },
  "PUT /api/v1/me/notification-preferences": { summary: "Save the caller's notification preferences", schema: preferences },
  "GET /api/v1/notifications": { summary: "The caller's notifications, newest first", schema: page(notification) },
  "POST /api/v1/notifications/read": {
    summary: "Mark notifications read",
    schema: describes<ServiceData<typeof markNotificationsRead>>()(z.strictObject({ marked: z.number().int() })),
  },
};
