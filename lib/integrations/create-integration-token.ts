import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { integrationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { parseInput } from "@/lib/validation/parse-input";
import { issueApiToken } from "./api-tokens";
import { integrationIdParamSchema, tokenFields, tokenNameSchema } from "./integration-schemas";
import { lockIntegration } from "./integration-locks";
import { toTokenView, type TokenView } from "./integration-view";

export const createIntegrationTokenSchema = z.strictObject({
  id: integrationIdParamSchema,
  name: tokenNameSchema,
  ...tokenFields,
});
export type CreateIntegrationTokenInput = z.input<typeof createIntegrationTokenSchema>;

/** A token just issued: its view, and its secret in this answer only. */
export type IssuedTokenView = TokenView & { token: string };

export const inactiveIntegrationMessage = "adminIntegrations.errors.inactive";

/** Issues one more token for an active integration (Admin): name, optional expiry and rate limit. Audited. */
export async function createIntegrationToken(
  db: Database,
  actor: ActingUser,
  input: CreateIntegrationTokenInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<IssuedTokenView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(createIntegrationTokenSchema, input);
  if (!parsed.ok) return parsed;
  const { id, name, expiresAt, rateLimitPerMinute } = parsed.data;
  return db.transaction(async (tx) => {
    const integration = await lockIntegration(tx, actor, id);
    if ("ok" in integration) return integration;
    if (!integration.active) return fail("conflict", inactiveIntegrationMessage);
    const issued = await issueApiToken(tx, {
      organizationId: actor.organizationId,
      integrationId: integration.id,
      name,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      rateLimitPerMinute: rateLimitPerMinute ?? null,
      createdById: actor.id,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: "integration_token.created",
      targetType: "integration_token",
      targetId: issued.id,
      after: { integrationId: integration.id, name, expiresAt: expiresAt ?? null, rateLimitPerMinute: rateLimitPerMinute ?? null },
      clientAddress: context.clientAddress ?? null,
    });
    const [row] = await tx.select().from(integrationTokens).where(eq(integrationTokens.id, issued.id));
    if (!row) throw new Error("an issued token vanished");
    return ok({ ...toTokenView(row), token: issued.token });
  });
}
