import { sql } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, updatedAt } from "./columns";
import { accessLevelEnum, objectTypeEnum, type ObjectType, type Role } from "./enums";
import { organizations, users } from "./tenancy";

/** Property condition of a rule: the value held under `propertyId` must match one of `in` (SPEC §9). */
export interface RulePropertyCondition {
  propertyId: string;
  in: unknown[];
}

/** Whom a rule grants: `all`, or every stated list must match (any entry within a list). */
export interface RuleUserCondition {
  all: boolean;
  siteIds: string[];
  roles: Role[];
  teamIds: string[];
  userIds: string[];
  properties: RulePropertyCondition[];
}

/** Which objects a rule covers: empty lists mean no condition. */
export interface RuleObjectCondition {
  types: ObjectType[];
  properties: RulePropertyCondition[];
}

/** The user's value of one property must equal (or, for multi-valued ones, share a value with) the object's. */
export interface RulePropertyMatch {
  userPropertyId: string;
  objectPropertyId: string;
}

/**
 * An access rule (SPEC §4): grants `level` to the users its `users` condition matches over the objects its
 * `objects` condition and `match` list match. Stored in the API's shape; a few hundred per organisation at most,
 * so the authorization module loads them all and plans them per user.
 */
export const accessRules = pgTable(
  "access_rules",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    level: accessLevelEnum().notNull(),
    enabled: boolean().notNull().default(true),
    users: jsonb().$type<RuleUserCondition>().notNull(),
    objects: jsonb().$type<RuleObjectCondition>().notNull(),
    match: jsonb().$type<RulePropertyMatch[]>().notNull().default([]),
    position: integer().notNull().default(0),
    createdById: uuid(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("access_rules_org_idx").on(t.organizationId, t.position),
    // A rule is named in lists, previews and refusals: two of the same name (any case) could not be told apart.
    uniqueIndex("access_rules_org_name_unique").on(t.organizationId, sql`lower(${t.name})`),
    foreignKey({
      name: "access_rules_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

export interface ViewFilter {
  field: string;
  op: "eq" | "neq" | "contains" | "in" | "gt" | "lt" | "empty" | "not_empty";
  value?: unknown;
}

export interface ViewSort {
  field: string;
  direction: "asc" | "desc";
}

/** A saved list configuration; views only narrow a list, they never grant (SPEC §9). */
export const savedViews = pgTable(
  "saved_views",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectType: objectTypeEnum().notNull(),
    name: text().notNull(),
    /** Shared views are managed by Admins; personal ones belong to `ownerId`. */
    shared: boolean().notNull().default(false),
    ownerId: uuid(),
    columns: jsonb().$type<string[]>().notNull().default([]),
    filters: jsonb().$type<ViewFilter[]>().notNull().default([]),
    sort: jsonb().$type<ViewSort[]>().notNull().default([]),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("saved_views_org_type_idx").on(t.organizationId, t.objectType),
    foreignKey({
      name: "saved_views_owner_fk",
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);
