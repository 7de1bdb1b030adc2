import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/client";
import { integrations, userSites, users } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { lockAsCurrentAdmin, siteChoiceProblems } from "@/lib/users/user-guards";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { validateUserProperties } from "@/lib/users/user-properties";
import { primarySiteIdSchema, userPropertiesSchema, userSiteIdsSchema } from "@/lib/users/user-schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { issueApiToken } from "./api-tokens";
import { integrationNameSchema, integrationRoleSchema, tokenFields, tokenNameSchema } from "./integration-schemas";
import { loadIntegrationView, type IntegrationView } from "./integration-view";

export const createIntegrationSchema = z.strictObject({
  name: integrationNameSchema,
  role: integrationRoleSchema,
  siteIds: userSiteIdsSchema.default([]),
  /** One of `siteIds`; by default the first of them. */
  primarySiteId: primarySiteIdSchema.optional(),
  properties: userPropertiesSchema.default({}),
  /** The first token's name. */
  tokenName: tokenNameSchema.default("default"),
  ...tokenFields,
});
export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;

/** The secret of a token just issued: in this answer only (the database keeps its SHA-256). */
export interface IssuedSecret {
  tokenId: string;
  token: string;
}

/**
 * A service account's e-mail: required and unique like every account's (SPEC §1), on a reserved domain that can
 * receive nothing, so no password reset or SSO can ever reach it.
 */
function serviceEmail(integrationId: string): string {
  return `integration-${integrationId}@integrations.atelier.invalid`;
}

/**
 * Creates an integration (Admin, SPEC §8): a service account — kind `service`, no password, no SSO binding, so it can
 * never sign in — with the role, sites and properties given, checked like any account's, plus its first token, whose
 * secret this answer carries once. Audited (the account, the integration, the token) and the authorization version
 * bumped (the account can match rules).
 */
export async function createIntegration(
  db: Database,
  actor: ActingUser,
  input: CreateIntegrationInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<IntegrationView & { issuedToken: IssuedSecret }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(createIntegrationSchema, input);
  if (!parsed.ok) return parsed;
  const { name, role, siteIds, properties, tokenName, expiresAt, rateLimitPerMinute } = parsed.data;
  const primarySiteId = parsed.data.primarySiteId === undefined ? (siteIds[0] ?? null) : parsed.data.primarySiteId;
  const org = actor.organizationId;

  return db.transaction(async (tx) => {
    const refused = await lockAsCurrentAdmin(tx, actor);
    if (refused) return refused;
    const fields = await siteChoiceProblems(tx, org, { siteIds, primarySiteId });
    const checked = await validateUserProperties(tx, actor, properties);
    if (!checked.ok) Object.assign(fields, checked.error.fields ?? { properties: checked.error.message });
    if (Object.keys(fields).length > 0 || !checked.ok) return fail("invalid", "errors.fieldsNeedAttention", fields);

    const integrationId = randomUUID();
    const email = serviceEmail(integrationId);
    const [account] = await tx
      .insert(users)
      .values({ organizationId: org, email, name, kind: "service", role, signInMethod: "password", passwordHash: null, primarySiteId, properties: checked.data.set })
      .returning({ id: users.id });
    if (!account) throw new Error("insert returned no service account");
    if (siteIds.length > 0) await tx.insert(userSites).values(siteIds.map((siteId) => ({ organizationId: org, userId: account.id, siteId })));
    await tx.insert(integrations).values({ id: integrationId, organizationId: org, name, serviceUserId: account.id, createdById: actor.id });
    const issued = await issueApiToken(tx, {
      organizationId: org,
      integrationId,
      name: tokenName,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      rateLimitPerMinute: rateLimitPerMinute ?? null,
      createdById: actor.id,
    });
    const clientAddress = context.clientAddress ?? null;
    await recordAdminChange(
      tx,
      actor,
      {
        action: "integration.created",
        targetType: "integration",
        targetId: integrationId,
        after: { name, serviceUserId: account.id, email, role, siteIds, primarySiteId, properties: checked.data.set },
      },
      clientAddress,
    );
    await recordAudit(tx, {
      organizationId: org,
      actorId: actor.id,
      action: "integration_token.created",
      targetType: "integration_token",
      targetId: issued.id,
      after: { integrationId, name: tokenName, expiresAt: expiresAt ?? null, rateLimitPerMinute: rateLimitPerMinute ?? null },
      clientAddress,
    });
    const view = await loadIntegrationView(tx, org, integrationId);
    if (!view) throw new Error("a created integration vanished");
    return ok({ ...view, issuedToken: { tokenId: issued.id, token: issued.token } });
  });
}
