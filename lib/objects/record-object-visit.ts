import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectVisits } from "@/db/schema";

/**
 * Notes that the user opened the object now (the home page's "recently opened"). Called after the page gate let
 * them view it; a visit never grants anything, the home page filters its list with the predicate again.
 */
export async function recordObjectVisit(db: Executor, visit: { organizationId: string; userId: string; objectId: string }): Promise<void> {
  await db
    .insert(objectVisits)
    .values(visit)
    .onConflictDoUpdate({ target: [objectVisits.userId, objectVisits.objectId], set: { visitedAt: sql`now()` } });
}
