import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentFiles, documentRevisions } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ReceivedFile } from "@/lib/files/receive-upload";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { ok, type Result } from "@/lib/result";
import { guardedDraftWrite } from "./guarded-draft-write";
import { loadRevisionViews } from "./load-revision-views";
import type { RevisionView } from "./revision-view";

/**
 * Attaches stored files to a draft, in one transaction: a file named like one the draft has already (a new issue
 * of the same drawing) replaces it. Each file added goes to the feed; the draft's version moves once. Answers the
 * draft as it is now, with the storage keys the replaced files no longer use (for the caller to discard).
 */
export async function addDraftFiles(
  db: Executor,
  user: ActingUser,
  input: { objectId: string; revisionId: string; files: ReceivedFile[] },
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ revision: RevisionView; releasedKeys: string[] }>> {
  const organizationId = user.organizationId;
  return guardedDraftWrite(db, user, { objectId: input.objectId, revisionId: input.revisionId, clientAddress: context.clientAddress }, async ({ tx, draft }) => {
    // The last of several files sent under one name wins, as if they had been sent one after the other.
    const byName = new Map(input.files.map((file) => [file.fileName, file]));
    const replaced = await tx
      .delete(documentFiles)
      .where(and(eq(documentFiles.organizationId, organizationId), eq(documentFiles.revisionId, draft.id), inArray(documentFiles.fileName, [...byName.keys()])))
      .returning({ storageKey: documentFiles.storageKey });
    await tx.insert(documentFiles).values(
      [...byName.values()].map((file) => ({
        organizationId,
        revisionId: draft.id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        storageKey: file.key,
        uploadedById: user.id,
      })),
    );
    await tx
      .update(documentRevisions)
      .set({ updatedAt: new Date(), version: sql`${documentRevisions.version} + 1` })
      .where(eq(documentRevisions.id, draft.id));
    for (const fileName of byName.keys()) {
      await recordObjectActivity(tx, {
        organizationId,
        objectId: input.objectId,
        objectType: "document",
        actorId: user.id,
        kind: "file_added",
        data: { revisionId: draft.id, label: draft.label, fileName },
      });
    }
    const [revision] = await loadRevisionViews(tx, { organizationId, objectId: input.objectId }, { where: eq(documentRevisions.id, draft.id), order: [] });
    return ok({ revision: revision!, releasedKeys: replaced.map((row) => row.storageKey) });
  });
}
