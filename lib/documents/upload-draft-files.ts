import "server-only";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { env } from "@/lib/env";
import { discardUnreferenced } from "@/lib/files/discard-unreferenced";
import { fileStorage } from "@/lib/files/file-storage";
import { receiveUpload } from "@/lib/files/receive-upload";
import { fail, ok, type Result } from "@/lib/result";
import { addDraftFiles } from "./add-draft-files";
import { findRevision } from "./find-revision";
import { revisionNotDraftMessage, revisionNotFoundMessage } from "./revision-messages";
import { revisionTargetSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const uploadDraftFilesSchema = revisionTargetSchema;
export type UploadDraftFilesInput = z.output<typeof uploadDraftFilesSchema>;

/** How many files one upload request may carry. */
export const maxFilesPerUpload = 20;

/** The largest file Atelier accepts, in bytes (ATELIER_MAX_UPLOAD_MB). */
export function maxUploadBytes(): number {
  return env().ATELIER_MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * Uploads files to a draft revision from a multipart request (the gate has decided "upload_revision" on the
 * document). A revision that is not a draft is refused before the body is read. The files are streamed into storage
 * first, then attached in one transaction; when anything is refused — a file, the transaction — the files this
 * request stored are discarded: the upload is kept whole or not at all.
 */
export async function uploadDraftFiles(
  db: Executor,
  user: ActingUser,
  input: UploadDraftFilesInput,
  request: Request,
  context: { clientAddress?: string | null } = {},
): Promise<Result<RevisionView>> {
  const scope = { organizationId: user.organizationId, objectId: input.id };
  const revision = await findRevision(db, scope, input.rev);
  if (!revision) return fail("not_found", revisionNotFoundMessage);
  if (revision.status !== "draft") return fail("conflict", revisionNotDraftMessage);

  const storage = fileStorage();
  const received = await receiveUpload(request, storage, { maxBytes: maxUploadBytes(), maxFiles: maxFilesPerUpload });
  const keys = received.stored.map((file) => file.key);
  if (received.error) {
    await discardUnreferenced(db, storage, keys);
    return { ok: false, error: received.error };
  }
  const added = await addDraftFiles(db, user, { objectId: input.id, revisionId: revision.id, files: received.stored }, context);
  await discardUnreferenced(db, storage, added.ok ? added.data.releasedKeys : keys);
  return added.ok ? ok(added.data.revision) : added;
}
