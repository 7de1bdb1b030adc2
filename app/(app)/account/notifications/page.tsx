import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { notificationEmailModes } from "@/db/schema";
import { enterPage } from "@/lib/gate/page-gate";
import { readNotificationPreferences } from "@/lib/notifications/notification-preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.preferences"))("title") };
}

export default async function NotificationPreferencesPage() {
  const { user, db } = await enterPage({ name: "notifications.preferences_read", capability: "receive_notifications" });
  const [preferences, t] = await Promise.all([readNotificationPreferences(db, user), getTranslations("notifications.preferences")]);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
      </div>
      <NotificationPreferencesForm preferences={preferences} modes={notificationEmailModes} />
    </div>
  );
}
