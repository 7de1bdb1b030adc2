import { date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns";
import { organizations, users } from "./tenancy";

/**
 * Each user's usage per calendar day of the organisation's time zone, summed from usage_sessions by a scheduled job
 * (lib/analytics/usage-rollup-job.ts) once no session started that day can still change. The dashboard reads these
 * for closed days and the raw sessions for the days after (docs/analytics.md).
 */
export const usageDays = pgTable(
  "usage_days",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    /** Sessions started that day. */
    sessions: integer().notNull(),
    /** The whole length of the sessions started that day, in seconds (the average duration's numerator). */
    sessionSeconds: integer().notNull(),
    /** Time signed in during that day, in seconds, whenever the session started (a session is split between days). */
    activeSeconds: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: "usage_days_pk", columns: [t.userId, t.day] }),
    index("usage_days_org_day_idx").on(t.organizationId, t.day),
    foreignKey({
      name: "usage_days_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

/** Up to which day usage_days holds an organisation's usage, and in which time zone its days were cut. */
export const usageRollups = pgTable("usage_rollups", {
  organizationId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  timeZone: text().notNull(),
  rolledThrough: date({ mode: "string" }).notNull(),
  updatedAt: updatedAt(),
});
