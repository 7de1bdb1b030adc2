import { bigserial, foreignKey, index, integer, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    createdById: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("integration_tokens_hash_unique").on(t.tokenHash),
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
  (t) => [index("integration_log_org_time_idx").on(t.organizationId, t.occurredAt)],
);
