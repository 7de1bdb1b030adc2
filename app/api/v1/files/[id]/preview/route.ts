import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { documentOfFile } from "@/lib/previews/file-facts";
import { previewPageSchema } from "@/lib/previews/file-schemas";
import { getPreviewPage } from "@/lib/previews/get-preview-page";

/**
 * `?page=N` (from 1) of a PDF or image file as a PNG rendered by the server, with the system stamp and the custom
 * watermarks: any level that can view the document (view without download included). 404 when it cannot be viewed.
 */
export const GET = defineRoute(
  { name: "files.preview", input: previewPageSchema, object: { id: documentOfFile, action: "view" } },
  async ({ db, user, input, clientAddress, object, request }) => {
    const locale = localeOfRequest(request.headers, user.locale);
    const preview = await getPreviewPage(db, user, input, { clientAddress, authorized: object, locale });
    if (!preview.ok) return preview;
    return new Response(new Uint8Array(preview.data.png), {
      headers: {
        "content-type": "image/png",
        "content-length": String(preview.data.png.byteLength),
        // Every view is a read to log: the browser asks again rather than keep the page.
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "x-page-count": String(preview.data.pageCount),
      },
    });
  },
);
