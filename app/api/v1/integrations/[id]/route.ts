import { defineRoute } from "@/lib/gate/define-route";
import { deactivateIntegration, deactivateIntegrationSchema } from "@/lib/integrations/deactivate-integration";
import { integrationsHidden } from "@/lib/integrations/integration-gate";
import { getIntegration, getIntegrationSchema } from "@/lib/integrations/list-integrations";
import { updateIntegration, updateIntegrationSchema } from "@/lib/integrations/update-integration";

/** One integration with its service account and tokens (Admin; 404 for other roles or another organisation's id). */
export const GET = defineRoute({ name: "integrations.read", input: getIntegrationSchema, ...integrationsHidden }, ({ db, user, input }) =>
  getIntegration(db, user, input),
);

/** Edits name, role, sites, primary site, properties (Admin): `{ version, … }`; 409 when `version` is stale. */
export const PATCH = defineRoute({ name: "integrations.update", input: updateIntegrationSchema, ...integrationsHidden }, ({ db, user, input, clientAddress }) =>
  updateIntegration(db, user, input, { clientAddress }),
);

/** Deactivates the integration (Admin): its service account and every token stop at once; `?newOwnerId=` if it owns objects. */
export const DELETE = defineRoute(
  { name: "integrations.delete", input: deactivateIntegrationSchema, ...integrationsHidden },
  ({ db, user, input, clientAddress }) => deactivateIntegration(db, user, input, { clientAddress }),
);
