import { downloadFile } from "@/lib/downloads/download-file";
import { downloadResponse } from "@/lib/downloads/download-response";
import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { documentOfFile } from "@/lib/previews/file-facts";
import { fileInputSchema } from "@/lib/previews/file-schemas";

/**
 * The file itself, as an attachment (needs View: 403 for view without download, 404 when the document cannot be
 * viewed). A PDF carries the forensic mark of this download; the access-log entry id is also in `X-Access-Log-Id`.
 */
export const GET = defineRoute(
  { name: "files.download", input: fileInputSchema, object: { id: documentOfFile, action: "download" } },
  async ({ db, user, input, clientAddress, object, request }) => {
    const locale = localeOfRequest(request.headers, user.locale);
    const download = await downloadFile(db, user, input, { clientAddress, authorized: object, locale });
    return download.ok ? downloadResponse(download.data) : download;
  },
);
