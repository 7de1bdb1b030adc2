import { getTranslations } from "next-intl/server";
import { listActivity } from "@/lib/activity/list-activity";
import type { ObjectPageContext } from "@/lib/gate/object-page-gate";
import { FormStatus } from "@/components/ui/form-status";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import { ActivityList } from "./activity-list";
import { CommentForm } from "./comment-form";
import { activityPageSize } from "./activity-page-size";

/**
 * An object's activity feed (issue 15): the comment form for whoever may comment (every role, on what it can view)
 * and the comments and events, newest first, with "Load older activity". Loads its first page through the feed
 * service with the page's decision.
 */
export async function ActivityFeed({ context }: { context: ObjectPageContext }) {
  const { db, user, authorized, object } = context;
  const [t, locale, page] = await Promise.all([
    getTranslations("activity"),
    requestLocale(),
    listActivity(db, user, { id: object.id, limit: activityPageSize }, { authorized }),
  ]);
  const headingId = `activity-${object.id}`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 space-y-5 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("title")}
      </h2>
      {object.access.actions.includes("comment") && <CommentForm objectId={object.id} />}
      {page.ok ? (
        <ActivityList objectId={object.id} objectType={object.type} viewerId={user.id} firstPage={page.data} />
      ) : (
        <FormStatus error={renderAppError(locale, page.error)} />
      )}
    </section>
  );
}
