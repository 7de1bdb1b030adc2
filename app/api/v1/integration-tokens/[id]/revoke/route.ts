import { defineRoute } from "@/lib/gate/define-route";
import { integrationsHidden } from "@/lib/integrations/integration-gate";
import { revokeIntegrationToken, revokeIntegrationTokenSchema } from "@/lib/integrations/revoke-integration-token";

/** Revokes a token (Admin): its next call is 401 on every instance. */
export const POST = defineRoute(
  { name: "integration_tokens.revoke", input: revokeIntegrationTokenSchema, ...integrationsHidden },
  ({ db, user, input, clientAddress }) => revokeIntegrationToken(db, user, input, { clientAddress }),
);
