import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Locale } from "@/lib/i18n/locales";
import type { Result } from "@/lib/result";
import { countVisibleObjects, type ObjectCount } from "./count-visible-objects";
import { listVisibleObjects, type ObjectPage } from "./list-visible-objects";

export interface ObjectSearch {
  page: Result<ObjectPage>;
  count: Result<ObjectCount>;
}

/**
 * The header search: objects of every type whose reference or title matches, newest first, with the capped count —
 * both from the visibility predicate, so a search never reveals what the user cannot open.
 */
export async function searchObjects(db: Executor, user: ActingUser, input: { q: string; cursor?: string }, locale: Locale): Promise<ObjectSearch> {
  const [page, count] = await Promise.all([
    listVisibleObjects(db, user, { q: input.q, limit: 50, ...(input.cursor ? { cursor: input.cursor } : {}) }),
    countVisibleObjects(db, user, { q: input.q }, { locale }),
  ]);
  return { page, count };
}
