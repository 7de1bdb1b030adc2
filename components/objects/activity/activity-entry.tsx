import { useTranslations } from "next-intl";
import type { ActivityItem } from "@/lib/activity/activity-item";
import type { ObjectType } from "@/db/schema";
import { Instant } from "@/components/ui/instant";
import { CommentBody } from "./comment-body";
import { CommentControls, type CommentChange } from "./comment-controls";
import { EventSentence } from "./event-sentence";

interface ActivityEntryProps {
  item: ActivityItem;
  objectId: string;
  objectType: ObjectType;
  viewerId: string;
  /** Tells the feed that a comment was edited (its new state) or deleted (null). */
  onChange: CommentChange;
}

/** One item of the feed: a comment (author, time, text, and its author's controls) or an event's sentence. */
export function ActivityEntry({ item, objectId, objectType, viewerId, onChange }: ActivityEntryProps) {
  const t = useTranslations("activity");
  if (item.type === "event") {
    return (
      <div className="flex flex-col gap-0.5 border-l-2 border-gray-200 py-1 pl-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
        <EventSentence event={item} objectType={objectType} />
        <span className="shrink-0 text-xs text-gray-600">
          <Instant value={item.at} />
        </span>
      </div>
    );
  }
  return (
    <article className="space-y-2 rounded-md border border-gray-200 p-3">
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
        <span className="font-medium text-gray-900 [overflow-wrap:anywhere]">{item.author.name}</span>
        <span className="text-xs text-gray-600">
          <Instant value={item.at} />
          {item.editedAt && (
            <>
              {" · "}
              <span>{t("edited")}</span>
            </>
          )}
        </span>
      </header>
      <CommentBody body={item.body} mentions={item.mentions} />
      {(item.permissions.edit || item.permissions.delete) && <CommentControls comment={item} objectId={objectId} viewerId={viewerId} onChange={onChange} />}
    </article>
  );
}
