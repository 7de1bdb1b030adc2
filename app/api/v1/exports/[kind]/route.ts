import { exportInputSchema } from "@/lib/exports/export-input";
import { runExport } from "@/lib/exports/run-export";
import { defineRoute } from "@/lib/gate/define-route";
import { localeOfRequest } from "@/lib/i18n/request-locale";

/**
 * An export as a streamed CSV download (Admin; 404 for other roles): `users`, `sites`, `objects` (`?type=&siteId=`),
 * `access-rules`, `audit-log` (the audit log's filters). `X-Total-Rows` announces the row count (docs/exports.md).
 */
export const GET = defineRoute(
  { name: "exports.run", input: exportInputSchema, capability: "export", unknownToOtherRoles: "adminExports.errors.notFound" },
  ({ db, user, input, request, clientAddress }) => runExport(db, user, input, { locale: localeOfRequest(request.headers, user.locale), clientAddress }),
);
