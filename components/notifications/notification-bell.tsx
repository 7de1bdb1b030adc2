"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useDisclosure } from "@/components/app-shell/use-disclosure";
import type { NotificationBell as BellData } from "@/lib/notifications/load-notification-bell";
import { unreadCountCap } from "@/lib/notifications/unread-count-cap";
import type { Result } from "@/lib/result";
import { NotificationListItem } from "./notification-list-item";

interface NotificationBellProps {
  bell: BellData;
  markRead: (input: { ids: string[] } | { all: true }) => Promise<Result<{ marked: number }>>;
}

/**
 * The header's bell: the unread count on it, the latest notifications in its panel. Opening the panel marks the ones
 * it shows read (they stay highlighted until it closes); "Mark all as read" marks the older ones too.
 */
export function NotificationBell({ bell, markRead }: NotificationBellProps) {
  const t = useTranslations("notifications.bell");
  const { open, setOpen, rootRef, buttonRef } = useDisclosure<HTMLDivElement>();
  const panelId = useId();
  const [unread, setUnread] = useState(bell.unread);
  const [markedIds, setMarkedIds] = useState<ReadonlySet<string>>(new Set());
  const [, startTransition] = useTransition();
  const shownUnread = bell.latest.filter((item) => !item.read && !markedIds.has(item.id)).map((item) => item.id);

  const toggle = () => {
    setOpen(!open);
    if (open || shownUnread.length === 0) return;
    setMarkedIds(new Set([...markedIds, ...shownUnread]));
    setUnread((count) => Math.max(0, count - shownUnread.length));
    startTransition(async () => void (await markRead({ ids: shownUnread })));
  };
  const markAll = () => {
    setUnread(0);
    setMarkedIds(new Set(bell.latest.map((item) => item.id)));
    startTransition(async () => void (await markRead({ all: true })));
  };

  const countText = unread > unreadCountCap ? `${unreadCountCap}+` : String(unread);
  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("labelUnread", { count: unread }) : t("label")}
        onClick={toggle}
        className="relative flex h-10 w-10 items-center justify-center rounded-md text-gray-700 hover:bg-gray-100"
      >
        {/* An SVG, not the 🔔 emoji: machines without an emoji font would show an empty box. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 2 6H3c.5-.5 2-2 2-6z" />
          <path d="M8.5 17a1.7 1.7 0 0 0 3 0" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" data-testid="notification-count" className="absolute right-0.5 top-0.5 min-w-[1.125rem] rounded-full bg-red-600 px-1 text-center text-[0.6875rem] font-semibold leading-[1.125rem] text-white">
            {countText}
          </span>
        )}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="fixed inset-x-2 top-14 z-40 max-h-[70vh] overflow-y-auto rounded-md border border-gray-200 bg-white p-2 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-auto sm:mt-1 sm:w-96"
      >
        <div className="flex items-center justify-between gap-2 px-2 py-1">
          <h2 className="text-sm font-semibold text-gray-900">{t("title")}</h2>
          {unread > 0 && (
            <button type="button" onClick={markAll} className="rounded px-2 py-1 text-sm text-blue-700 hover:bg-gray-100 hover:underline">
              {t("markAllRead")}
            </button>
          )}
        </div>
        {bell.latest.length === 0 ? (
          <p className="px-2 py-3 text-sm text-gray-600">{t("empty")}</p>
        ) : (
          <ul className="space-y-1">
            {bell.latest.map((item) => (
              <NotificationListItem key={item.id} notification={item} onFollow={() => setOpen(false)} />
            ))}
          </ul>
        )}
        <Link href="/notifications" onClick={() => setOpen(false)} className="mt-1 block rounded px-2 py-1.5 text-sm font-medium text-blue-700 hover:bg-gray-100">
          {t("seeAll")}
        </Link>
      </div>
    </div>
  );
}
