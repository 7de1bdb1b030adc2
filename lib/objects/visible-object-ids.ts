import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, type AccessLevel, type ObjectType } from "@/db/schema";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";

/**
 * Which of `ids` are live objects of `type` the subject reaches `minLevel` on, decided in SQL by the visibility
 * predicate. For references to other objects (relations, a manufacturing order's product): an id the subject
 * cannot see is treated exactly like one that does not exist.
 */
export async function visibleObjectIds(
  db: Executor,
  subject: AccessSubject,
  type: ObjectType,
  ids: readonly string[],
  minLevel: AccessLevel = "view_no_download",
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel, type });
  if (filter.never) return new Set();
  const rows = await db
    .select({ id: objects.id })
    .from(objects)
    .where(and(filter.where, inArray(objects.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}
