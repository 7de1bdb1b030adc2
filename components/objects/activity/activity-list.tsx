"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { loadOlderActivityAction } from "@/app/(app)/objects/comment-actions";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormStatus } from "@/components/ui/form-status";
import type { ObjectType } from "@/db/schema";
import type { ActivityItem, ActivityPage, CommentItem } from "@/lib/activity/activity-item";
import type { AppError } from "@/lib/result";
import { ActivityEntry } from "./activity-entry";
import { activityPageSize } from "./activity-page-size";

interface ActivityListProps {
  objectId: string;
  objectType: ObjectType;
  viewerId: string;
  /** The newest page, drawn by the server (again after each comment posted, edited or deleted). */
  firstPage: ActivityPage;
}

const newestFirst = (a: ActivityItem, b: ActivityItem) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

function withoutRepeats(items: ActivityItem[]): ActivityItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

const itemElementId = (id: string) => `activity-item-${id}`;

/**
 * The feed's items, newest first, with "Load older activity" while there are more: older pages come from the same
 * service through a server action and are kept below the first page, even when a new comment redraws it. A comment
 * edited or deleted here changes in place; the focus moves to the first item a page adds.
 */
export function ActivityList({ objectId, objectType, viewerId, firstPage }: ActivityListProps) {
  const t = useTranslations("activity");
  const [shownFirstPage, setShownFirstPage] = useState(firstPage);
  const [older, setOlder] = useState<ActivityItem[]>([]);
  /** The cursor of the next older page once one was loaded; until then, the first page's. */
  const [olderCursor, setOlderCursor] = useState<string | null | undefined>(undefined);
  const [changes, setChanges] = useState<ReadonlyMap<string, CommentItem | null>>(new Map());
  const [error, setError] = useState<AppError | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusId, setFocusId] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // A redrawn first page (after a comment) pushes its oldest items out: once older pages are shown, they stay.
  if (shownFirstPage !== firstPage) {
    setShownFirstPage(firstPage);
    if (olderCursor !== undefined) setOlder((kept) => [...shownFirstPage.items, ...kept]);
  }

  useEffect(() => {
    if (focusId) document.getElementById(itemElementId(focusId))?.focus();
  }, [focusId]);

  const nextCursor = olderCursor === undefined ? firstPage.nextCursor : olderCursor;
  const items = withoutRepeats([...firstPage.items, ...older].sort(newestFirst)).flatMap((item) => {
    if (!changes.has(item.id)) return [item];
    const changed = changes.get(item.id);
    return changed ? [changed] : [];
  });

  const loadOlder = () => {
    if (!nextCursor) return;
    startTransition(async () => {
      const result = await loadOlderActivityAction({ id: objectId, cursor: nextCursor, limit: activityPageSize });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setOlder((kept) => [...kept, ...result.data.items]);
      setOlderCursor(result.data.nextCursor);
      setAnnouncement(t("olderLoaded", { count: result.data.items.length }));
      setFocusId(result.data.items[0]?.id ?? null);
    });
  };

  const onChange = (commentId: string, next: CommentItem | null) => {
    setChanges((known) => new Map(known).set(commentId, next));
    setAnnouncement(next ? t("saved") : t("deleted"));
  };

  return (
    <div className="space-y-4">
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="text-sm text-gray-600">{t("empty")}</p>
      ) : (
        <ol aria-label={t("feedLabel")} className="space-y-3">
          {items.map((item) => (
            <li key={item.id} id={itemElementId(item.id)} tabIndex={item.id === focusId ? -1 : undefined} className="min-w-0">
              <ActivityEntry item={item} objectId={objectId} objectType={objectType} viewerId={viewerId} onChange={onChange} />
            </li>
          ))}
        </ol>
      )}
      <FormStatus error={error} />
      {nextCursor && (
        <button type="button" onClick={loadOlder} disabled={pending} className={buttonStyles.secondary}>
          {pending ? t("loadingOlder") : t("loadOlder")}
        </button>
      )}
    </div>
  );
}
