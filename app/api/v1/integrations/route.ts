import { defineRoute } from "@/lib/gate/define-route";
import { createIntegration, createIntegrationSchema } from "@/lib/integrations/create-integration";
import { integrationsHidden } from "@/lib/integrations/integration-gate";
import { listIntegrations, listIntegrationsSchema } from "@/lib/integrations/list-integrations";

/** The organisation's integrations (Admin; 404 for other roles): `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "integrations.list", input: listIntegrationsSchema, ...integrationsHidden }, ({ db, user, input }) =>
  listIntegrations(db, user, input),
);

/**
 * Creates an integration (Admin): `{ name, role, siteIds?, primarySiteId?, properties?, tokenName?, expiresAt?,
 * rateLimitPerMinute? }` makes its service account and first token; 201 with the integration and
 * `issuedToken: { tokenId, token }` — the only time the secret is shown.
 */
export const POST = defineRoute(
  { name: "integrations.create", input: createIntegrationSchema, ...integrationsHidden },
  ({ db, user, input, clientAddress }) => createIntegration(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
