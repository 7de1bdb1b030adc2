import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, type RevisionStatus } from "@/db/schema";
import { isUuid } from "@/lib/validation/uuid";

/** The revision `{rev}` names on a document — its id or its label — or null when the document has none such. */
export async function findRevision(
  db: Executor,
  scope: { organizationId: string; objectId: string },
  ref: string,
): Promise<{ id: string; label: string; status: RevisionStatus } | null> {
  if (!isUuid(scope.objectId)) return null;
  const [row] = await db
    .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status })
    .from(documentRevisions)
    .where(
      and(
        eq(documentRevisions.organizationId, scope.organizationId),
        eq(documentRevisions.objectId, scope.objectId),
        isUuid(ref) ? eq(documentRevisions.id, ref) : eq(documentRevisions.label, ref),
      ),
    );
  return row ?? null;
}

export async function findRevisionId(db: Executor, scope: { organizationId: string; objectId: string }, ref: string): Promise<string | null> {
  return (await findRevision(db, scope, ref))?.id ?? null;
}
