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
import { inactiveIntegrationMessage, type IssuedTokenView } from "./create-integration-token";
import { integrationIdParamSchema, tokenExpirySchema } from "./integration-schemas";
import { lockToken } from "./integration-locks";
import { tokenStateOf, toTokenView, type TokenView } from "./integration-view";

/** A week: the longest the replaced token may keep working while the integration switches over. */
export const maxGraceMinutes = 10_080;

export const rotateIntegrationTokenSchema = z.strictObject({
  id: integrationIdParamSchema,
  /** How long the replaced token keeps working (0, the default: it stops at once). */
  graceMinutes: z.coerce
    .number("adminIntegrations.errors.graceInvalid")
    .int("adminIntegrations.errors.graceInvalid")
    .min(0, "adminIntegrations.errors.graceInvalid")
    .max(maxGraceMinutes, "adminIntegrations.errors.graceInvalid")
    .default(0),
  /** The new token's expiry; absent or null: none. */
  expiresAt: tokenExpirySchema.optional(),
});
export type RotateIntegrationTokenInput = z.input<typeof rotateIntegrationTokenSchema>;

export const tokenNotActiveMessage = "adminIntegrations.errors.tokenNotActive";

/**
 * Replaces an active token by a new one of the same name and rate limit (Admin). The replaced token is revoked at
 * once, or — with `graceMinutes` — expires that many minutes later (never later than it would have), so an
 * integration can switch over without a failed call. Audited.
 */
export async function rotateIntegrationToken(
  db: Database,
  actor: ActingUser,
  input: RotateIntegrationTokenInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<IssuedTokenView & { replaced: TokenView }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(rotateIntegrationTokenSchema, input);
  if (!parsed.ok) return parsed;
  const { id, graceMinutes, expiresAt } = parsed.data;
  return db.transaction(async (tx) => {
    const locked = await lockToken(tx, actor, id);
    if ("ok" in locked) return locked;
    const { integration, token } = locked;
    if (!integration.active) return fail("conflict", inactiveIntegrationMessage);
    const now = new Date();
    if (tokenStateOf(token, now) !== "active") return fail("conflict", tokenNotActiveMessage);

    const graceEnd = new Date(now.getTime() + graceMinutes * 60_000);
    const oldEnd = graceMinutes === 0 ? { revokedAt: now } : { expiresAt: token.expiresAt && token.expiresAt < graceEnd ? token.expiresAt : graceEnd };
    const [replaced] = await tx.update(integrationTokens).set(oldEnd).where(eq(integrationTokens.id, token.id)).returning();
    const issued = await issueApiToken(tx, {
      organizationId: actor.organizationId,
      integrationId: integration.id,
      name: token.name,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      rateLimitPerMinute: token.rateLimitPerMinute,
      rotatedFromId: token.id,
      createdById: actor.id,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: "integration_token.rotated",
      targetType: "integration_token",
      targetId: token.id,
      before: { expiresAt: token.expiresAt?.toISOString() ?? null, revokedAt: null },
      after: {
        newTokenId: issued.id,
        graceMinutes,
        expiresAt: replaced?.expiresAt?.toISOString() ?? null,
        revokedAt: replaced?.revokedAt?.toISOString() ?? null,
      },
      clientAddress: context.clientAddress ?? null,
    });
    const [row] = await tx.select().from(integrationTokens).where(eq(integrationTokens.id, issued.id));
    if (!row || !replaced) throw new Error("a rotated token vanished");
    return ok({ ...toTokenView(row, now), token: issued.token, replaced: toTokenView(replaced, now) });
  });
}
