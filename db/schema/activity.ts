import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId } from "./columns";
import { objectTypeEnum } from "./enums";
import { objects } from "./objects";
import { organizations, users } from "./tenancy";

export const comments = pgTable(
  "comments",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectId: uuid().notNull(),
    authorId: uuid().notNull(),
    body: text().notNull(),
    /**
     * Active users of the organisation the body @mentioned (by e-mail) when it was written: kept for the
     * notifications to come, and to highlight those mentions when the comment is shown.
     */
    mentionedUserIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Moves on every edit: an edit made on an older one is refused (SPEC §9). */
    version: integer().notNull().default(1),
    editedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_object_idx").on(t.objectId, t.createdAt),
    foreignKey({
      name: "comments_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "comments_author_fk",
      columns: [t.organizationId, t.authorId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/**
 * What happened to an object (created, revision validated, scope changed…): the activity feed, and the
 * history the analytics count per period. `objectType` is copied so analytics need no join to filter by type.
 */
export const activityEvents = pgTable(
  "activity_events",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectId: uuid().notNull(),
    objectType: objectTypeEnum().notNull(),
    actorId: uuid(),
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: createdAt(),
  },
  (t) => [
    index("activity_events_object_idx").on(t.objectId, t.occurredAt),
    index("activity_events_org_kind_time_idx").on(t.organizationId, t.objectType, t.kind, t.occurredAt),
    // The home page's "what changed lately": the organisation's newest events first, each checked for visibility.
    index("activity_events_org_time_idx").on(t.organizationId, t.occurredAt.desc()),
    foreignKey({
      name: "activity_events_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "activity_events_actor_fk",
      columns: [t.organizationId, t.actorId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** In-app notifications (Viewer+ only, SPEC §2). */
export const notifications = pgTable(
  "notifications",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    kind: text().notNull(),
    objectId: uuid(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    readAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("notifications_org_id_unique").on(t.organizationId, t.id),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    foreignKey({
      name: "notifications_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "notifications_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
  ],
);

/**
 * When each user last opened each object: the home page's "recently opened". One row per user and object, moved
 * forward on every open; the list is still filtered by the visibility predicate when read, so a visit never grants.
 */
export const objectVisits = pgTable(
  "object_visits",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    objectId: uuid().notNull(),
    visitedAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "object_visits_pk", columns: [t.userId, t.objectId] }),
    index("object_visits_user_time_idx").on(t.userId, t.visitedAt),
    foreignKey({
      name: "object_visits_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "object_visits_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
  ],
);
