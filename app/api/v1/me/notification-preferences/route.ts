import { defineRoute, noInput } from "@/lib/gate/define-route";
import {
  readNotificationPreferences,
  updateNotificationPreferences,
  updateNotificationPreferencesSchema,
} from "@/lib/notifications/notification-preferences";
import { ok } from "@/lib/result";

/** The caller's notification preferences `{ email: "none" | "each" | "daily_digest", version }`. */
export const GET = defineRoute({ name: "notifications.preferences_read", input: noInput, capability: "receive_notifications" }, async ({ db, user }) =>
  ok(await readNotificationPreferences(db, user)),
);

/** Saves `{ email, version }`; a stale version is 409. */
export const PUT = defineRoute(
  { name: "notifications.preferences_update", input: updateNotificationPreferencesSchema, capability: "receive_notifications" },
  ({ db, user, input }) => updateNotificationPreferences(db, user, input),
);
