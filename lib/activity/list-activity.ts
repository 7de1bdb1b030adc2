import "server-only";
import { and, desc, eq, isNotNull, ne, notInArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { activityEvents, comments, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import type { ActivityItem, ActivityPage } from "./activity-item";
import { commentItemColumns, commentPeopleIds, toCommentItem, type CommentItemRow } from "./comment-items";
import { toEventItem, type EventItemRow } from "./event-items";
import { decodeFeedCursor, encodeFeedCursor, isNewerThan, olderThanSql, type FeedCursor } from "./feed-cursor";
import { feedPeople } from "./feed-people";
import { linkEventKinds, linkedObjectIdSql } from "./linked-object";

const listFields = z.strictObject({
  id: objectIdSchema,
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listActivitySchema = withoutEmptyParameters(listFields);
export type ListActivityInput = z.input<typeof listFields>;

/** Each comment is an item of its own: its `commented` event (home page, analytics) would say it twice. */
const shownInItsOwnRight = "commented";

type Entry =
  | { source: "comment"; row: CommentItemRow; position: FeedCursor }
  | { source: "event"; row: EventItemRow; position: FeedCursor };

/**
 * An object's activity feed, newest first: its comments and its events (created, updated, scope changed, linked…)
 * merged, one page at a time, each with its author and time. `not_found` for an object the caller cannot view. Link
 * events that name an object the caller cannot view are left out in SQL, by the visibility predicate, like the
 * links themselves (SPEC §9).
 */
export async function listActivity(
  db: Executor,
  user: ActingUser,
  input: ListActivityInput,
  context: ObjectReadContext & { now?: Date } = {},
): Promise<Result<ActivityPage>> {
  const parsed = parseInput(listActivitySchema, input);
  if (!parsed.ok) return parsed;
  const { id, limit, cursor: cursorText } = parsed.data;
  const subject = subjectOf(user);
  const authorized = await authorizeObjectRead(db, subject, id, "view", context);
  if (!authorized.ok) return authorized;
  // Decoded once the object is known visible: a forged cursor on an invisible object is still not_found.
  const cursor = cursorText === undefined ? null : decodeFeedCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const commentRows = await db
    .select({ ...commentItemColumns, cursorAt: utcInstantSql(comments.createdAt) })
    .from(comments)
    .where(
      and(
        eq(comments.organizationId, user.organizationId),
        eq(comments.objectId, id),
        cursor ? olderThanSql(cursor, comments.createdAt, comments.id) : undefined,
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit + 1);

  const linked = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download" });
  const linkedId = linkedObjectIdSql(activityEvents.data);
  const eventRows = await db
    .select({
      id: activityEvents.id,
      actorId: activityEvents.actorId,
      kind: activityEvents.kind,
      data: activityEvents.data,
      occurredAt: activityEvents.occurredAt,
      cursorAt: utcInstantSql(activityEvents.occurredAt),
      linkedId: objects.id,
      linkedType: objects.type,
      linkedReference: objects.reference,
      linkedTitle: objects.title,
    })
    .from(activityEvents)
    .leftJoin(objects, linked.never ? sql`false` : and(eq(objects.id, linkedId), linked.where))
    .where(
      and(
        eq(activityEvents.organizationId, user.organizationId),
        eq(activityEvents.objectId, id),
        ne(activityEvents.kind, shownInItsOwnRight),
        or(notInArray(activityEvents.kind, [...linkEventKinds]), isNotNull(objects.id)),
        cursor ? olderThanSql(cursor, activityEvents.occurredAt, activityEvents.id) : undefined,
      ),
    )
    .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id))
    .limit(limit + 1);

  // The newest `limit + 1` of the merge are among the newest `limit + 1` of each side.
  const merged: Entry[] = [
    ...commentRows.map(({ cursorAt, ...row }): Entry => ({ source: "comment", row, position: { at: cursorAt, id: row.id } })),
    ...eventRows.map(({ cursorAt, ...row }): Entry => ({ source: "event", row, position: { at: cursorAt, id: row.id } })),
  ].sort((a, b) => (isNewerThan(a.position, b.position) ? -1 : 1));
  const page = merged.slice(0, limit);
  const last = page.at(-1);

  const people = await feedPeople(
    db,
    user.organizationId,
    page.flatMap((entry) => (entry.source === "comment" ? commentPeopleIds([entry.row]) : entry.row.actorId ? [entry.row.actorId] : [])),
  );
  const now = context.now ?? new Date();
  const items = page.map((entry): ActivityItem => (entry.source === "comment" ? toCommentItem(entry.row, people, user, now) : toEventItem(entry.row, people)));
  return ok({ items, nextCursor: merged.length > limit && last ? encodeFeedCursor(last.position) : null });
}
