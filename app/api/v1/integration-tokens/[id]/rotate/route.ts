import { defineRoute } from "@/lib/gate/define-route";
import { integrationsHidden } from "@/lib/integrations/integration-gate";
import { rotateIntegrationToken, rotateIntegrationTokenSchema } from "@/lib/integrations/rotate-integration-token";

/**
 * Replaces a token (Admin): `{ graceMinutes?, expiresAt? }`; 201 with the new token's secret (shown once) and
 * `replaced`, the old token — revoked, or expiring after the grace period.
 */
export const POST = defineRoute(
  { name: "integration_tokens.rotate", input: rotateIntegrationTokenSchema, ...integrationsHidden },
  ({ db, user, input, clientAddress }) => rotateIntegrationToken(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
