import { foreignKey, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId } from "./columns";
import { sessionEndReasonEnum, signInMethodEnum } from "./enums";
import { organizations, users } from "./tenancy";

/**
 * One row per sign-in: the analytics' usage data, and the server-side record that lets a session be ended
 * (sign-out, idle, password reset, deactivation) whatever its token says.
 */
export const usageSessions = pgTable(
  "usage_sessions",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    method: signInMethodEnum().notNull(),
    startedAt: createdAt(),
    lastActivityAt: createdAt(),
    endedAt: instant(),
    endReason: sessionEndReasonEnum(),
    clientAddress: text(),
    userAgent: text(),
  },
  (t) => [
    index("usage_sessions_user_idx").on(t.userId, t.startedAt),
    index("usage_sessions_org_started_idx").on(t.organizationId, t.startedAt),
    foreignKey({
      name: "usage_sessions_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Failed sign-in counters, global because they exist before any account is known: keyed by
 * `ip:<address>` and by `acct:<email>|ip:<address>`, so a stranger cannot lock a real user out from elsewhere.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: createdAt(),
  lockedUntil: instant(),
  updatedAt: createdAt(),
});

/** Single-use password reset links; only the SHA-256 of the token is kept. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    tokenHash: text().notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    requestedFrom: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_hash_unique").on(t.tokenHash),
    foreignKey({
      name: "password_reset_tokens_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);
