import { bigserial, foreignKey, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId } from "./columns";
import { organizations, users } from "./tenancy";

/** An API token bound to a service account, whose role, sites and properties govern it (API.md). */
export const integrations = pgTable(
  "integrations",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    serviceUserId: uuid().notNull(),
    /** SHA-256 of the token; the token itself is shown once. */
    tokenHash: text().notNull(),
    /** The first characters of the token, to recognise it in lists. */
    tokenPrefix: text().notNull(),
    createdById: uuid(),
    lastUsedAt: instant(),
    revokedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("integrations_token_hash_unique").on(t.tokenHash),
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

/** Every API call made with a token (SPEC §8). */
export const integrationLog = pgTable(
  "integration_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    integrationId: uuid().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    status: integer().notNull(),
    durationMs: integer().notNull(),
    occurredAt: createdAt(),
  },
  (t) => [index("integration_log_org_time_idx").on(t.organizationId, t.occurredAt)],
);
