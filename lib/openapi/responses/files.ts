import { z } from "zod";
import type { getFilePreviewInfo } from "@/lib/previews/get-file-preview-info";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id } from "./common-schemas";

// A revision's file: what can be shown of it, its pages as images, and the file itself.

const previewInfo = describes<ServiceData<typeof getFilePreviewInfo>>()(
  z.strictObject({
    id,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    revisionId: id,
    previewKind: z.enum(["pdf", "image"]).nullable(),
    pageCount: z.number().int().nullable(),
    canDownload: z.boolean(),
  }),
);

export const fileResponses: ResponseDeclarations = {
  "GET /api/v1/files/{id}/pages": { summary: "What can be previewed of a file", schema: previewInfo },
  "GET /api/v1/files/{id}/preview": {
    summary: "One page of a PDF or image file, rendered with its watermarks",
    file: { mediaType: "image/png", description: "The page as a PNG; `X-Page-Count` gives the number of pages." },
  },
  "GET /api/v1/files/{id}/download": {
    summary: "Download a file (a PDF carries the forensic mark of this download)",
    file: { mediaType: "application/octet-stream", description: "The file, of its own content type, as an attachment; `X-Access-Log-Id` names the access-log entry." },
  },
};
