import type { FileDownload } from "./download-file";

/** `attachment; filename="plain.pdf"; filename*=UTF-8''…`: an ASCII fallback and the exact name (RFC 6266, 5987). */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The HTTP answer of a download: always an attachment, never sniffed, never cached by a shared cache. */
export function downloadResponse(download: FileDownload): Response {
  return new Response(download.body as BodyInit, {
    status: 200,
    headers: {
      "content-type": download.contentType,
      "content-length": String(download.sizeBytes),
      "content-disposition": contentDisposition(download.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "x-access-log-id": String(download.accessLogId),
    },
  });
}
