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
import { integrationIdParamSchema } from "./integration-schemas";
import { lockToken } from "./integration-locks";
import { toTokenView, type TokenView } from "./integration-view";

export const revokeIntegrationTokenSchema = z.strictObject({ id: integrationIdParamSchema });
export type RevokeIntegrationTokenInput = z.input<typeof revokeIntegrationTokenSchema>;

/**
 * Revokes a token (Admin): its next call is 401 on every instance, since every call reads the token's row (no
 * cache). Revoking a revoked token is a conflict; an expired one can still be revoked (for the record). Audited.
 */
export async function revokeIntegrationToken(
  db: Database,
  actor: ActingUser,
  input: RevokeIntegrationTokenInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<TokenView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(revokeIntegrationTokenSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const locked = await lockToken(tx, actor, parsed.data.id);
    if ("ok" in locked) return locked;
    const { token } = locked;
    if (token.revokedAt) return fail("conflict", "adminIntegrations.errors.alreadyRevoked");
    const now = new Date();
    const [revoked] = await tx.update(integrationTokens).set({ revokedAt: now }).where(eq(integrationTokens.id, token.id)).returning();
    if (!revoked) throw new Error("a revoked token vanished");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: "integration_token.revoked",
      targetType: "integration_token",
      targetId: token.id,
      before: { revokedAt: null },
      after: { integrationId: token.integrationId, name: token.name, revokedAt: now.toISOString() },
      clientAddress: context.clientAddress ?? null,
    });
    return ok(toTokenView(revoked, now));
  });
}
