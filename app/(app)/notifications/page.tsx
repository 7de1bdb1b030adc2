import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationListItem } from "@/components/notifications/notification-list-item";
import { enterPage } from "@/lib/gate/page-gate";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { shownNotification } from "@/lib/notifications/load-notification-bell";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.page"))("title") };
}

const pageSize = 30;

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { user, db } = await enterPage({ name: "notifications.list", capability: "receive_notifications" });
  const { cursor } = await searchParams;
  const [t, tAll, page] = await Promise.all([
    getTranslations("notifications.page"),
    getTranslations("notifications"),
    listNotifications(db, user, { limit: pageSize, cursor: typeof cursor === "string" ? cursor : undefined }),
  ]);
  const items = page.ok ? page.data.items.map((item) => shownNotification(tAll, item)) : [];
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-gray-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/account/notifications" className="text-sm font-medium text-blue-700 hover:underline">
            {t("preferencesLink")}
          </Link>
          {items.some((item) => !item.read) && <MarkAllReadButton />}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-gray-600">{tAll("bell.empty")}</p>
      ) : (
        <ul className="space-y-1 rounded-md border border-gray-200 bg-white p-2">
          {items.map((item) => (
            <NotificationListItem key={item.id} notification={item} />
          ))}
        </ul>
      )}
      {page.ok && page.data.nextCursor && (
        <Link href={`/notifications?cursor=${encodeURIComponent(page.data.nextCursor)}`} className="inline-block text-sm font-medium text-blue-700 hover:underline">
          {t("loadMore")}
        </Link>
      )}
    </div>
  );
}
