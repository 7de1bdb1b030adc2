import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations, integrationTokens, organizations, users } from "@/db/schema";
import { actingUserFacts, actingUserOf, type ActingUser } from "@/lib/auth/acting-user";
import { hashSecretToken } from "@/lib/secrets/token-hash";

/** Tokens say what they are (a scanner finds a leaked one) and carry 256 random bits. */
const tokenPrefix = "atl_";

export interface IssuedToken {
  id: string;
  /** Shown once: only its hash is stored. */
  token: string;
}

/** Issues a bearer token for an integration: the caller shows `token` once; the database keeps its SHA-256. */
export async function issueApiToken(
  db: Executor,
  input: {
    organizationId: string;
    integrationId: string;
    name: string;
    expiresAt?: Date | null;
    rateLimitPerMinute?: number | null;
    rotatedFromId?: string | null;
    createdById?: string | null;
  },
): Promise<IssuedToken> {
  const token = `${tokenPrefix}${randomBytes(32).toString("base64url")}`;
  const [row] = await db
    .insert(integrationTokens)
    .values({
      organizationId: input.organizationId,
      integrationId: input.integrationId,
      name: input.name,
      tokenHash: hashSecretToken(token),
      tokenPrefix: token.slice(0, tokenPrefix.length + 6),
      expiresAt: input.expiresAt ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      rotatedFromId: input.rotatedFromId ?? null,
      createdById: input.createdById ?? null,
    })
    .returning({ id: integrationTokens.id });
  if (!row) throw new Error("insert returned no token");
  return { id: row.id, token };
}

export interface TokenCaller {
  user: ActingUser;
  integrationId: string;
  tokenId: string;
  /** Null: the deployment's default applies. */
  rateLimitPerMinute: number | null;
}

/**
 * The service account a bearer token acts as: the token must be known, unrevoked and unexpired, and its account an
 * active service account. Read from the database on every call, so a revoked token fails at once on every instance.
 */
export async function resolveApiToken(db: Executor, token: string, now = new Date()): Promise<TokenCaller | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const [row] = await db
    .select({ ...actingUserFacts, integrationId: integrations.id, tokenId: integrationTokens.id, rateLimitPerMinute: integrationTokens.rateLimitPerMinute, lastUsedAt: integrationTokens.lastUsedAt })
    .from(integrationTokens)
    .innerJoin(integrations, and(eq(integrations.id, integrationTokens.integrationId), eq(integrations.organizationId, integrationTokens.organizationId)))
    .innerJoin(users, and(eq(users.id, integrations.serviceUserId), eq(users.organizationId, integrations.organizationId)))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(integrationTokens.tokenHash, hashSecretToken(token)),
        isNull(integrationTokens.revokedAt),
        or(isNull(integrationTokens.expiresAt), gt(integrationTokens.expiresAt, now)),
        eq(users.active, true),
        eq(users.kind, "service"),
      ),
    );
  if (!row) return null;
  // Last use is for the integrations page: written at most once a minute, not on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(integrationTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(integrationTokens.id, row.tokenId), or(isNull(integrationTokens.lastUsedAt), lt(integrationTokens.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`))));
  }
  return { user: actingUserOf(row, null), integrationId: row.integrationId, tokenId: row.tokenId, rateLimitPerMinute: row.rateLimitPerMinute };
}
