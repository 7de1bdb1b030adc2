import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { integrations, integrationTokens, users, type PropertyValues, type Role } from "@/db/schema";
import { outerUserId } from "@/lib/users/user-view";
import { isUuid } from "@/lib/validation/uuid";

export type TokenState = "active" | "expired" | "revoked";

/** A token as the API answers it: never the secret nor its hash, only the first characters to recognise it. */
export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  state: TokenState;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Null: the deployment's default limit applies. */
  rateLimitPerMinute: number | null;
  /** The token this one replaced by rotation. */
  rotatedFromId: string | null;
  createdAt: string;
}

/** An integration as the API answers it: its service account (role, sites, properties) and its tokens. */
export interface IntegrationView {
  id: string;
  name: string;
  serviceUserId: string;
  email: string;
  role: Role;
  siteIds: string[];
  primarySiteId: string | null;
  properties: PropertyValues;
  /** False once deactivated: every token then fails. */
  active: boolean;
  /** The service account's row version: a PATCH states it. */
  version: number;
  createdAt: string;
  tokens: TokenView[];
}

type TokenRow = typeof integrationTokens.$inferSelect;

export function tokenStateOf(token: Pick<TokenRow, "revokedAt" | "expiresAt">, now = new Date()): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toTokenView(token: TokenRow, now = new Date()): TokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    state: tokenStateOf(token, now),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    rateLimitPerMinute: token.rateLimitPerMinute,
    rotatedFromId: token.rotatedFromId,
    createdAt: token.createdAt.toISOString(),
  };
}

const integrationColumns = {
  id: integrations.id,
  serviceUserId: integrations.serviceUserId,
  createdAt: integrations.createdAt,
  name: users.name,
  email: users.email,
  role: users.role,
  primarySiteId: users.primarySiteId,
  properties: users.properties,
  active: users.active,
  version: users.version,
  siteIds: sql<string[]>`coalesce((select jsonb_agg(us.site_id order by us.site_id) from user_sites us where us.user_id = ${outerUserId}), '[]'::jsonb)`,
  sortName: sql<string>`lower(${users.name})`,
};

export type IntegrationRow = Awaited<ReturnType<typeof selectIntegrations>>[number];

/** Integrations of the organisation with their service account, in name order, narrowed by `where`. */
export function selectIntegrations(db: Executor, organizationId: string, where?: SQL, limit = 1000) {
  return db
    .select(integrationColumns)
    .from(integrations)
    .innerJoin(users, and(eq(users.id, integrations.serviceUserId), eq(users.organizationId, integrations.organizationId)))
    .where(and(eq(integrations.organizationId, organizationId), where))
    .orderBy(asc(sql`lower(${users.name})`), asc(integrations.id))
    .limit(limit);
}

/** The tokens of these integrations, newest first, by integration id. */
export async function tokensOf(db: Executor, organizationId: string, integrationIds: string[], now = new Date()): Promise<Map<string, TokenView[]>> {
  const byIntegration = new Map<string, TokenView[]>(integrationIds.map((id) => [id, []]));
  if (integrationIds.length === 0) return byIntegration;
  const rows = await db
    .select()
    .from(integrationTokens)
    .where(and(eq(integrationTokens.organizationId, organizationId), inArray(integrationTokens.integrationId, integrationIds)))
    .orderBy(sql`${integrationTokens.createdAt} desc`, asc(integrationTokens.id));
  for (const row of rows) byIntegration.get(row.integrationId)?.push(toTokenView(row, now));
  return byIntegration;
}

export function toIntegrationView(row: IntegrationRow, tokens: TokenView[]): IntegrationView {
  return {
    id: row.id,
    name: row.name,
    serviceUserId: row.serviceUserId,
    email: row.email,
    role: row.role,
    siteIds: row.siteIds,
    primarySiteId: row.primarySiteId,
    properties: row.properties,
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    tokens,
  };
}

/** One integration of the organisation, or null for an unknown or foreign id. */
export async function loadIntegrationView(db: Executor, organizationId: string, id: string): Promise<IntegrationView | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectIntegrations(db, organizationId, eq(integrations.id, id), 1);
  if (!row) return null;
  const tokens = await tokensOf(db, organizationId, [row.id]);
  return toIntegrationView(row, tokens.get(row.id) ?? []);
}

export const integrationNotFoundMessage = "adminIntegrations.errors.notFound";
export const tokenNotFoundMessage = "adminIntegrations.errors.tokenNotFound";
