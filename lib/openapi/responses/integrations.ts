import { z } from "zod";
import type { createIntegration } from "@/lib/integrations/create-integration";
import type { createIntegrationToken } from "@/lib/integrations/create-integration-token";
import type { getIntegration } from "@/lib/integrations/list-integrations";
import type { listIntegrationLog } from "@/lib/integrations/list-integration-log";
import type { revokeIntegrationToken } from "@/lib/integrations/revoke-integration-token";
import type { rotateIntegrationToken } from "@/lib/integrations/rotate-integration-token";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { id, instant, page, propertyValues, version } from "./common-schemas";

const token = describes<ServiceData<typeof revokeIntegrationToken>>()(
  z.strictObject({
    id,
    name: z.string(),
    prefix: z.string().meta({ description: "The token's first characters, to recognise it; never the secret." }),
    state: z.enum(["active", "expired", "revoked"]),
    expiresAt: instant.nullable(),
    revokedAt: instant.nullable(),
    lastUsedAt: instant.nullable(),
    rateLimitPerMinute: z.number().int().nullable().meta({ description: "Null: the deployment's default." }),
    rotatedFromId: id.nullable(),
    createdAt: instant,
  }),
);

const secret = z.string().meta({ description: "The bearer token itself: in this answer only (stored hashed)." });

const integrationShape = {
  id,
  name: z.string(),
  serviceUserId: id,
  email: z.string(),
  role: z.enum(["shared_computer", "viewer", "manager", "admin"]),
  siteIds: z.array(id),
  primarySiteId: id.nullable(),
  properties: propertyValues,
  active: z.boolean(),
  version,
  createdAt: instant,
  tokens: z.array(token),
};
const integration = describes<ServiceData<typeof getIntegration>>()(z.strictObject(integrationShape));

const createdIntegration = describes<ServiceData<typeof createIntegration>>()(
  z.strictObject({ ...integrationShape, issuedToken: z.strictObject({ tokenId: id, token: secret }) }),
);

const issuedToken = describes<ServiceData<typeof createIntegrationToken>>()(token.extend({ token: secret }));

const rotatedToken = describes<ServiceData<typeof rotateIntegrationToken>>()(token.extend({ token: secret, replaced: token }));

const logEntry = z.strictObject({
  id,
  occurredAt: instant,
  integrationId: id,
  integrationName: z.string().nullable(),
  tokenId: id.nullable(),
  tokenName: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  durationMs: z.number().int(),
});
const logPage = describes<ServiceData<typeof listIntegrationLog>>()(page(logEntry));

export const integrationResponses: ResponseDeclarations = {
  "GET /api/v1/integrations": { summary: "List integrations with their tokens (Admin; 404 for other roles)", schema: page(integration) },
  "POST /api/v1/integrations": { summary: "Create an integration: its service account and first token, shown once (Admin)", schema: createdIntegration },
  "GET /api/v1/integrations/{id}": { summary: "Read an integration (Admin)", schema: integration },
  "PATCH /api/v1/integrations/{id}": { summary: "Change an integration's name, role, sites or properties (Admin)", schema: integration },
  "DELETE /api/v1/integrations/{id}": { summary: "Deactivate an integration: its account and every token stop at once (Admin)", schema: integration, errors: ["conflict"] },
  "POST /api/v1/integrations/{id}/tokens": { summary: "Issue another token, shown once (Admin)", schema: issuedToken, errors: ["conflict"] },
  "POST /api/v1/integration-tokens/{id}/rotate": { summary: "Replace a token, with an optional grace period for the old one (Admin)", schema: rotatedToken, errors: ["conflict"] },
  "POST /api/v1/integration-tokens/{id}/revoke": { summary: "Revoke a token: its next call is 401 (Admin)", schema: token, errors: ["conflict"] },
  "GET /api/v1/integration-log": { summary: "Calls made with tokens, newest first, filtered by integration, status and days (Admin)", schema: logPage },
};
