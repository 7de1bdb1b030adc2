import "server-only";
import { objects } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { guardedObjectWrite, type GuardedWriteContext } from "@/lib/objects/guarded-object-write";
import { fail, type Result } from "@/lib/result";
import { lockRevision, type LockedRevision } from "./lock-revision";
import { notADocumentMessage, revisionNotDraftMessage, revisionNotFoundMessage, staleRevisionMessage } from "./revision-messages";

export interface DraftWriteContext extends GuardedWriteContext {
  /** The draft, locked until the transaction ends. */
  draft: LockedRevision;
}

/**
 * A change to a document's draft revision (its note or files): SPEC §4's "upload a new draft revision" — Modify and
 * Manager+ — decided and guarded like any object write, then the draft locked after its document. Refused when the
 * revision is not a draft (validated revisions are immutable) or, with `expectedVersion`, changed since it was read.
 */
export async function guardedDraftWrite<T>(
  db: Executor,
  user: ActingUser,
  options: { objectId: string; revisionId: string; expectedVersion?: number; clientAddress?: string | null },
  write: (context: DraftWriteContext) => Promise<Result<T>>,
): Promise<Result<T>> {
  return guardedObjectWrite(db, user, { objectId: options.objectId, action: "upload_revision", clientAddress: options.clientAddress }, async (context) => {
    const [guarded] = await context.tx.select({ id: objects.id }).from(objects).where(context.where).for("update");
    if (!guarded) return null;
    if (context.authorized.facts.type !== "document") return fail("not_found", notADocumentMessage);
    const draft = await lockRevision(context.tx, { organizationId: user.organizationId, objectId: options.objectId, revisionId: options.revisionId });
    if (!draft) return fail("not_found", revisionNotFoundMessage);
    if (draft.status !== "draft") return fail("conflict", revisionNotDraftMessage);
    if (options.expectedVersion !== undefined && draft.version !== options.expectedVersion) return fail("conflict", staleRevisionMessage);
    return write({ ...context, draft });
  });
}
