import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { integrations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { updateUser } from "@/lib/users/update-user";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { primarySiteIdSchema, userPropertiesSchema, userSiteIdsSchema, userVersionSchema } from "@/lib/users/user-schemas";
import { parseInput } from "@/lib/validation/parse-input";
import { integrationIdParamSchema, integrationNameSchema, integrationRoleSchema } from "./integration-schemas";
import { integrationNotFoundMessage, loadIntegrationView, type IntegrationView } from "./integration-view";
import { isUuid } from "@/lib/validation/uuid";

export const updateIntegrationSchema = z.strictObject({
  id: integrationIdParamSchema,
  /** The `version` the integration answered (its service account's row version); stale: 409. */
  version: userVersionSchema,
  name: integrationNameSchema.optional(),
  role: integrationRoleSchema.optional(),
  siteIds: userSiteIdsSchema.optional(),
  primarySiteId: primarySiteIdSchema.optional(),
  properties: userPropertiesSchema.optional(),
});
export type UpdateIntegrationInput = z.input<typeof updateIntegrationSchema>;

/**
 * Edits an integration (Admin): its name and its service account's role, sites and properties — through the users
 * service, so the same checks, audit and authorization-version bump apply as to any account (SPEC §8).
 */
export async function updateIntegration(
  db: Database,
  actor: ActingUser,
  input: UpdateIntegrationInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<IntegrationView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(updateIntegrationSchema, input);
  if (!parsed.ok) return parsed;
  const { id, ...change } = parsed.data;
  if (!isUuid(id)) return fail("not_found", integrationNotFoundMessage);
  const org = actor.organizationId;
  return db.transaction(async (tx) => {
    const [integration] = await tx
      .select()
      .from(integrations)
      .where(and(eq(integrations.id, id), eq(integrations.organizationId, org)))
      .for("no key update");
    if (!integration) return fail("not_found", integrationNotFoundMessage);
    const updated = await updateUser(tx, actor, { id: integration.serviceUserId, ...change }, context);
    if (!updated.ok) return updated;
    if (change.name !== undefined && change.name !== integration.name) {
      await tx.update(integrations).set({ name: change.name }).where(eq(integrations.id, id));
      await recordAudit(tx, {
        organizationId: org,
        actorId: actor.id,
        action: "integration.updated",
        targetType: "integration",
        targetId: id,
        before: { name: integration.name },
        after: { name: change.name },
        clientAddress: context.clientAddress ?? null,
      });
    }
    const view = await loadIntegrationView(tx, org, id);
    if (!view) throw new Error("an updated integration vanished");
    return ok(view);
  });
}
