import { defineRoute } from "@/lib/gate/define-route";
import { createIntegrationToken, createIntegrationTokenSchema } from "@/lib/integrations/create-integration-token";
import { integrationsHidden } from "@/lib/integrations/integration-gate";

/** Issues another token (Admin): `{ name, expiresAt?, rateLimitPerMinute? }`; 201 with the token's secret, shown once. */
export const POST = defineRoute(
  { name: "integration_tokens.create", input: createIntegrationTokenSchema, ...integrationsHidden },
  ({ db, user, input, clientAddress }) => createIntegrationToken(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
