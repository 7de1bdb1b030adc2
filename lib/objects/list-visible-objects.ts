import "server-only";
import { and, desc } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { utcInstantSql } from "@/lib/pagination/cursor-instant";
import { afterCursorSql, decodeObjectCursor, encodeObjectCursor } from "./object-cursor";
import { objectListFiltersSchema, objectListFiltersSql } from "./object-list-filters";
import { objectViewColumns, toObjectView, type ObjectView } from "./object-view";

const listFields = objectListFiltersSchema.extend({
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listVisibleObjectsSchema = withoutEmptyParameters(listFields);
export type ListVisibleObjectsInput = z.input<typeof listFields>;

export interface ObjectPage {
  items: ObjectView[];
  /** Pass it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * The objects the user may see (at least View without download), newest first, one page at a time. Visibility is
 * decided in SQL by the predicate built from the user's plan — the same plan the single-object decision uses — so
 * pages are never filtered in memory, and counts and pages agree. Trashed objects never appear.
 */
export async function listVisibleObjects(db: Executor, user: ActingUser, input: ListVisibleObjectsInput): Promise<Result<ObjectPage>> {
  const parsed = parseInput(listVisibleObjectsSchema, input);
  if (!parsed.ok) return parsed;
  const { type, q, siteId, limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeObjectCursor(cursorText);
  if (cursorText !== undefined && !cursor) {
    return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  }

  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, {
    organizationId: user.organizationId,
    minLevel: "view_no_download",
    type,
  });
  if (filter.never) return ok({ items: [], nextCursor: null });

  const newest = db
    .select(objectViewColumns)
    .from(objects)
    .where(and(filter.where, objectListFiltersSql({ q, siteId }), cursor ? afterCursorSql(cursor) : undefined))
    .orderBy(desc(objects.createdAt), desc(objects.id))
    .limit(limit + 1)
    .as("newest");
  // The cursor's instant is computed for the page's rows only: beside the other columns it would be computed for every
  // visible row a top-N sort reads (3,060 documents for the benchmark's narrow user, docs/authorization.md §7.3).
  const rows = await db
    .select({ ...newest._.selectedFields, cursorInstant: utcInstantSql(newest.createdAt) })
    .from(newest)
    .orderBy(desc(newest.createdAt), desc(newest.id));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map(toObjectView),
    nextCursor: rows.length > limit && last ? encodeObjectCursor({ createdAt: last.cursorInstant, id: last.id }) : null,
  });
}
