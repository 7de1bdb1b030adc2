import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { integrations, integrationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { parseInput } from "@/lib/validation/parse-input";
import { isUuid } from "@/lib/validation/uuid";
import { integrationIdParamSchema } from "./integration-schemas";
import { integrationNotFoundMessage, loadIntegrationView, type IntegrationView } from "./integration-view";

export const deactivateIntegrationSchema = z.strictObject({
  id: integrationIdParamSchema,
  /** Who takes over the objects and workflows the service account owns, if it owns any (as for any account). */
  newOwnerId: z.uuid("adminUsers.errors.pickOwner").optional(),
});
export type DeactivateIntegrationInput = z.input<typeof deactivateIntegrationSchema>;

/**
 * Deletes an integration as far as it can be (Admin): its service account is deactivated — so every token fails at
 * once on every instance — and its tokens are revoked. The record stays, like any deactivated account, so the audit
 * and integration logs keep naming it, and what it created keeps its author. Audited.
 */
export async function deactivateIntegration(
  db: Database,
  actor: ActingUser,
  input: DeactivateIntegrationInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<IntegrationView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(deactivateIntegrationSchema, input);
  if (!parsed.ok) return parsed;
  const { id, newOwnerId } = parsed.data;
  const org = actor.organizationId;
  if (!isUuid(id)) return fail("not_found", integrationNotFoundMessage);
  const [integration] = await db
    .select({ serviceUserId: integrations.serviceUserId })
    .from(integrations)
    .where(and(eq(integrations.id, id), eq(integrations.organizationId, org)));
  if (!integration) return fail("not_found", integrationNotFoundMessage);
  // Deactivating the account already stops every token (each call checks it is active); revoking them after, in a
  // second step, only keeps the page honest.
  const deactivated = await deactivateUser(db, actor, { userId: integration.serviceUserId, newOwnerId }, context);
  if (!deactivated.ok) return deactivated;
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(integrationTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(integrationTokens.organizationId, org), eq(integrationTokens.integrationId, id), isNull(integrationTokens.revokedAt)))
      .returning({ id: integrationTokens.id });
    await recordAudit(tx, {
      organizationId: org,
      actorId: actor.id,
      action: "integration.deactivated",
      targetType: "integration",
      targetId: id,
      before: { active: true },
      after: { active: false, revokedTokenIds: revoked.map((token) => token.id) },
      clientAddress: context.clientAddress ?? null,
    });
  });
  const view = await loadIntegrationView(db, org, id);
  if (!view) throw new Error("a deactivated integration vanished");
  return ok(view);
}
