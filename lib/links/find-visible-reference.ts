import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { referenceFromSearch } from "@/lib/objects/object-list-filters";

/**
 * The id of the object the caller can view whose reference this is (`PRT-000012`, also typed `prt-12`), or null:
 * how the add-link form names its target when typed without the suggestions (no JavaScript). Unknown and invisible
 * references are alike.
 */
export async function findVisibleReference(db: Executor, user: ActingUser, text: string): Promise<string | null> {
  const reference = referenceFromSearch(text);
  if (!reference) return null;
  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: user.organizationId, minLevel: "view_no_download" });
  if (filter.never) return null;
  const [row] = await db
    .select({ id: objects.id })
    .from(objects)
    .where(and(filter.where, eq(objects.reference, reference)));
  return row?.id ?? null;
}
