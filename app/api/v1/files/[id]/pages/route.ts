import { defineRoute } from "@/lib/gate/define-route";
import { documentOfFile } from "@/lib/previews/file-facts";
import { fileInputSchema } from "@/lib/previews/file-schemas";
import { getFilePreviewInfo } from "@/lib/previews/get-file-preview-info";

/** `{ id, fileName, contentType, sizeBytes, revisionId, previewKind, pageCount, canDownload }` (any level that can view). */
export const GET = defineRoute(
  { name: "files.preview", input: fileInputSchema, object: { id: documentOfFile, action: "view" } },
  ({ db, user, input, clientAddress, object }) => getFilePreviewInfo(db, user, input, { clientAddress, authorized: object }),
);
