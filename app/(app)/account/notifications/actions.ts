"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/lib/gate/define-action";
import { updateNotificationPreferences, updateNotificationPreferencesSchema } from "@/lib/notifications/notification-preferences";

export const saveNotificationPreferencesAction = defineFormAction(
  { name: "notifications.preferences_update", input: updateNotificationPreferencesSchema, capability: "receive_notifications" },
  async ({ db, user, input }) => {
    const result = await updateNotificationPreferences(db, user, input);
    if (result.ok) revalidatePath("/account/notifications");
    return result;
  },
);
