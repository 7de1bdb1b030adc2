import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { accessLogKindEnum } from "./enums";
import { organizations } from "./tenancy";

// Both logs are append-only: a trigger (custom migration) refuses UPDATE and DELETE. They keep plain ids of
// actors and targets, without foreign keys, so they outlive whatever they describe.

/** Every security-relevant change: who, what, before, after (SPEC §8). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    actorId: uuid(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    clientAddress: text(),
    occurredAt: createdAt(),
  },
  (t) => [
    index("audit_log_org_time_idx").on(t.organizationId, t.occurredAt),
    index("audit_log_target_idx").on(t.organizationId, t.targetType, t.targetId),
  ],
);

/** Reads: previews, downloads and denied accesses (SPEC §9); a download's forensic stamp carries the id. */
export const accessLog = pgTable(
  "access_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id),
    userId: uuid(),
    kind: accessLogKindEnum().notNull(),
    action: text().notNull(),
    objectId: uuid(),
    revisionId: uuid(),
    fileId: uuid(),
    reason: text(),
    clientAddress: text(),
    occurredAt: createdAt(),
  },
  (t) => [
    index("access_log_org_time_idx").on(t.organizationId, t.occurredAt),
    index("access_log_object_idx").on(t.objectId, t.occurredAt),
  ],
);
