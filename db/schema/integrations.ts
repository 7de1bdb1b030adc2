import { sql } from "drizzle-orm";
import { bigserial, check, foreignKey, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId } from "./columns";
import { organizations, users } from "./tenancy";

/** An integration: a service account (role, sites, properties like any user; no sign-in) and its tokens (API.md). */
export const integrations = pgTable(
  "integrations",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    serviceUserId: uuid().notNull(),
    createdById: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("integrations_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("integrations_service_user_unique").on(t.serviceUserId),
    foreignKey({
      name: "integrations_service_user_fk",
      columns: [t.organizationId, t.serviceUserId],
      foreignColumns: [users.organizationId, users.id],
    }),
    foreignKey({
      name: "integrations_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** A bearer token of an integration: stored as its SHA-256 only, shown once; several per integration. */
export const integrationTokens = pgTable(
  "integration_tokens",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    integrationId: uuid().notNull(),
    name: text().notNull(),
    /** SHA-256 (hex) of the token. */
    tokenHash: text().notNull(),
    /** The first characters of the token, to recognise it in lists. */
    tokenPrefix: text().notNull(),
    expiresAt: instant(),
    revokedAt: instant(),
    lastUsedAt: instant(),
    /** Calls allowed per minute; null takes the deployment's default (INTEGRATION_RATE_LIMIT_PER_MINUTE). */
    rateLimitPerMinute: integer(),
    /** The token this one replaced (rotation), for the integrations page and the audit trail. */
    rotatedFromId: uuid(),
    createdById: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("integration_tokens_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("integration_tokens_hash_unique").on(t.tokenHash),
    check("integration_tokens_rate_limit_positive", sql`${t.rateLimitPerMinute} is null or ${t.rateLimitPerMinute} > 0`),
    index("integration_tokens_integration_idx").on(t.integrationId),
    foreignKey({
      name: "integration_tokens_integration_fk",
      columns: [t.organizationId, t.integrationId],
      foreignColumns: [integrations.organizationId, integrations.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "integration_tokens_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** Every API call made with a token (SPEC §8). */
export const integrationLog = pgTable(
  "integration_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    integrationId: uuid().notNull(),
    tokenId: uuid(),
    method: text().notNull(),
    path: text().notNull(),
    status: integer().notNull(),
    durationMs: integer().notNull(),
    occurredAt: createdAt(),
  },
  (t) => [
    index("integration_log_org_time_idx").on(t.organizationId, t.occurredAt),
    index("integration_log_integration_time_idx").on(t.organizationId, t.integrationId, t.occurredAt),
    // The retention job deletes by age across organisations.
    index("integration_log_time_idx").on(t.occurredAt),
  ],
);

/**
 * The rate limit's fixed-window counters (one row per token and minute), shared by every instance: a call upserts
 * its row atomically and is refused once the count passes the token's limit. Old windows are pruned with the log.
 */
export const integrationRateWindows = pgTable(
  "integration_rate_windows",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tokenId: uuid().notNull(),
    windowStart: instant().notNull(),
    calls: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.windowStart] }),
    index("integration_rate_windows_start_idx").on(t.windowStart),
    foreignKey({
      name: "integration_rate_windows_token_fk",
      columns: [t.organizationId, t.tokenId],
      foreignColumns: [integrationTokens.organizationId, integrationTokens.id],
    }).onDelete("cascade"),
  ],
);
