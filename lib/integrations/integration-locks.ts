import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations, integrationTokens, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, type AppError } from "@/lib/result";
import { lockAsCurrentAdmin } from "@/lib/users/user-guards";
import { isUuid } from "@/lib/validation/uuid";
import { integrationNotFoundMessage, tokenNotFoundMessage } from "./integration-view";

type Refusal = { ok: false; error: AppError };

export interface LockedIntegration {
  id: string;
  serviceUserId: string;
  active: boolean;
}

/**
 * Inside a token change's transaction: the actor is still an active Admin (serialised with the organisation's other
 * account changes), and the integration is the organisation's, locked so two token changes queue behind each other.
 */
export async function lockIntegration(tx: Executor, actor: ActingUser, integrationId: string): Promise<LockedIntegration | Refusal> {
  const refused = await lockAsCurrentAdmin(tx, actor);
  if (refused) return refused;
  if (!isUuid(integrationId)) return fail("not_found", integrationNotFoundMessage);
  const [row] = await tx
    .select({ id: integrations.id, serviceUserId: integrations.serviceUserId, active: users.active })
    .from(integrations)
    .innerJoin(users, and(eq(users.id, integrations.serviceUserId), eq(users.organizationId, integrations.organizationId)))
    .where(and(eq(integrations.id, integrationId), eq(integrations.organizationId, actor.organizationId)))
    .for("no key update", { of: integrations });
  return row ?? fail("not_found", integrationNotFoundMessage);
}

/** A token of the organisation, locked, with its integration locked as above. */
export async function lockToken(tx: Executor, actor: ActingUser, tokenId: string) {
  if (!isUuid(tokenId)) return fail("not_found", tokenNotFoundMessage);
  const [found] = await tx
    .select({ integrationId: integrationTokens.integrationId })
    .from(integrationTokens)
    .where(and(eq(integrationTokens.id, tokenId), eq(integrationTokens.organizationId, actor.organizationId)));
  if (!found) return fail("not_found", tokenNotFoundMessage);
  const integration = await lockIntegration(tx, actor, found.integrationId);
  if ("ok" in integration) return integration;
  const [token] = await tx
    .select()
    .from(integrationTokens)
    .where(and(eq(integrationTokens.id, tokenId), eq(integrationTokens.organizationId, actor.organizationId)))
    .for("update");
  return token ? { integration, token } : fail("not_found", tokenNotFoundMessage);
}
