import { defineRoute } from "@/lib/gate/define-route";
import { integrationLogHidden } from "@/lib/integrations/integration-gate";
import { listIntegrationLog, listIntegrationLogSchema } from "@/lib/integrations/list-integration-log";

/**
 * Calls made with tokens, newest first (Admin; 404 for other roles): `?integrationId=&status=&from=&to=&limit=&cursor=`
 * (`status` exact or a class such as `4xx`; `from`/`to` calendar days in the organisation's time zone).
 */
export const GET = defineRoute({ name: "integration_log.list", input: listIntegrationLogSchema, ...integrationLogHidden }, ({ db, user, input }) =>
  listIntegrationLog(db, user, input),
);
