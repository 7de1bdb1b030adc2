import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions } from "@/db/schema";
import { isUuid } from "@/lib/validation/uuid";

export type LockedRevision = typeof documentRevisions.$inferSelect;

/**
 * One revision of one document, locked for the rest of the transaction (a validation and an upload on the same
 * draft wait for each other). Callers lock the document's `objects` row first, so every writer takes the two locks
 * in the same order. Null when the document has no such revision.
 */
export async function lockRevision(
  tx: Executor,
  where: { organizationId: string; objectId: string; revisionId: string },
): Promise<LockedRevision | null> {
  if (!isUuid(where.revisionId)) return null;
  const [row] = await tx
    .select()
    .from(documentRevisions)
    .where(
      and(
        eq(documentRevisions.organizationId, where.organizationId),
        eq(documentRevisions.objectId, where.objectId),
        eq(documentRevisions.id, where.revisionId),
      ),
    )
    .for("update");
  return row ?? null;
}
