import { defineRoute } from "@/lib/gate/define-route";
import { getRevision, getRevisionSchema } from "@/lib/documents/get-revision";
import { uploadDraftFiles, uploadDraftFilesSchema } from "@/lib/documents/upload-draft-files";
import { ok } from "@/lib/result";

/** The revision's files: `{ items }`, oldest first. */
export const GET = defineRoute(
  { name: "files.list", input: getRevisionSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress, object }) => {
    const revision = await getRevision(db, user, input, { clientAddress, authorized: object });
    return revision.ok ? ok({ items: revision.data.files, nextCursor: null }) : revision;
  },
);

/**
 * Uploads files to a draft: `multipart/form-data` with one or more `file` parts, streamed to storage (size limit
 * ATELIER_MAX_UPLOAD_MB per file, type sniffed from the content). 201 with the draft and its files.
 */
export const POST = defineRoute(
  { name: "files.upload", input: uploadDraftFilesSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  ({ db, user, input, request, clientAddress }) => uploadDraftFiles(db, user, input, request, { clientAddress }),
  { body: "multipart", successStatus: 201 },
);
