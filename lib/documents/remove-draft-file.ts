import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { documentFiles, documentRevisions } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { discardUnreferenced } from "@/lib/files/discard-unreferenced";
import { fileStorage } from "@/lib/files/file-storage";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { findRevisionId } from "./find-revision";
import { guardedDraftWrite } from "./guarded-draft-write";
import { loadRevisionViews } from "./load-revision-views";
import { fileNotFoundMessage } from "./revision-messages";
import { revisionTargetSchema, revisionVersionSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const removeDraftFileSchema = revisionTargetSchema.extend({
  fileId: z.uuid(fileNotFoundMessage),
  version: revisionVersionSchema,
});
export type RemoveDraftFileInput = z.input<typeof removeDraftFileSchema>;

/** Removes a file from a draft revision (at the draft version the user saw); its bytes go when nothing else uses them. */
export async function removeDraftFile(
  db: Executor,
  user: ActingUser,
  input: RemoveDraftFileInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionView>> {
  const parsed = parseInput(removeDraftFileSchema, input);
  if (!parsed.ok) return parsed;
  const { id, rev, fileId, version } = parsed.data;
  const scope = { organizationId: user.organizationId, objectId: id };
  const revisionId = (await findRevisionId(db, scope, rev)) ?? rev;

  const removed = await guardedDraftWrite(db, user, { objectId: id, revisionId, expectedVersion: version, clientAddress: context.clientAddress }, async ({ tx, draft }) => {
    const [file] = await tx
      .delete(documentFiles)
      .where(and(eq(documentFiles.organizationId, user.organizationId), eq(documentFiles.revisionId, draft.id), eq(documentFiles.id, fileId)))
      .returning({ fileName: documentFiles.fileName, storageKey: documentFiles.storageKey });
    if (!file) return fail("not_found", fileNotFoundMessage);
    await tx
      .update(documentRevisions)
      .set({ updatedAt: new Date(), version: sql`${documentRevisions.version} + 1` })
      .where(eq(documentRevisions.id, draft.id));
    await recordObjectActivity(tx, {
      organizationId: user.organizationId,
      objectId: id,
      objectType: "document",
      actorId: user.id,
      kind: "file_removed",
      data: { revisionId: draft.id, label: draft.label, fileName: file.fileName },
    });
    const [revision] = await loadRevisionViews(tx, scope, { where: eq(documentRevisions.id, draft.id), order: [] });
    return ok({ revision: revision!, storageKey: file.storageKey });
  });
  if (!removed.ok) return removed;
  await discardUnreferenced(db, fileStorage(), [removed.data.storageKey]);
  return ok(removed.data.revision);
}
