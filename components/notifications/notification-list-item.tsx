import Link from "next/link";
import { useTranslations } from "next-intl";
import { Instant } from "@/components/ui/instant";
import type { ShownNotification } from "@/lib/notifications/load-notification-bell";

/** One notification: its sentence (a link to its object when it has one), when, and an unread mark. */
export function NotificationListItem({ notification, onFollow }: { notification: ShownNotification; onFollow?: () => void }) {
  const t = useTranslations("notifications.bell");
  const body = (
    <>
      <span className="block text-sm text-gray-800 [overflow-wrap:anywhere]">{notification.sentence}</span>
      <span className="mt-0.5 flex items-center gap-2 text-xs text-gray-600">
        {!notification.read && (
          <span className="inline-flex items-center gap-1 font-medium text-blue-700">
            <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-blue-600" />
            {t("unread")}
          </span>
        )}
        <Instant value={notification.createdAt} />
      </span>
    </>
  );
  const box = `block rounded px-2 py-2 ${notification.read ? "" : "bg-blue-50"}`;
  return (
    <li>
      {notification.href ? (
        <Link href={notification.href} onClick={onFollow} className={`${box} hover:bg-gray-100`}>
          {body}
        </Link>
      ) : (
        <div className={box}>{body}</div>
      )}
    </li>
  );
}
