import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId, updatedAt } from "./columns";
import { roleEnum, signInMethodEnum, userKindEnum } from "./enums";

/** Custom property values, keyed by property definition id (SPEC §9). */
export type PropertyValues = Record<string, unknown>;

/**
 * The tenant root. `authzVersion` is bumped (and announced with NOTIFY) by every change that can alter an
 * access decision, so per-instance caches of planned rules are dropped at once.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: primaryId(),
    name: text().notNull(),
    slug: text().notNull(),
    timeZone: text().notNull().default("UTC"),
    authzVersion: bigint({ mode: "number" }).notNull().default(1),
    ssoIssuer: text(),
    ssoClientId: text(),
    ssoClientSecret: text(),
    ssoButtonLabel: text(),
    /** Where e-mail and its verification are read: `userinfo` (default) or `id_token` (Microsoft Entra ID). */
    ssoClaimsSource: text(),
    /** The claim asserting a verified e-mail: `email_verified` (default), `xms_edov` for Microsoft Entra ID. */
    ssoEmailVerifiedClaim: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_slug_unique").on(t.slug)],
);

export const sites = pgTable(
  "sites",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /**
     * 1, 2, 3… in the order the organisation's sites were created, set by the database (migration 0006) and never
     * changed: objects keep their scope sites by number too (objects.scope_site_numbers), so that SQL can test them
     * against a set of sites as bits. Optional to inserts; never null once written (check constraint).
     */
    number: integer(),
    timeZone: text().notNull().default("UTC"),
    archivedAt: instant(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("sites_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("sites_org_name_unique").on(t.organizationId, sql`lower(${t.name})`),
    uniqueIndex("sites_org_number_unique").on(t.organizationId, t.number),
    check("sites_number_set", sql`${t.number} is not null`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    name: text().notNull(),
    kind: userKindEnum().notNull().default("person"),
    role: roleEnum().notNull(),
    signInMethod: signInMethodEnum().notNull().default("password"),
    passwordHash: text(),
    primarySiteId: uuid(),
    properties: jsonb().$type<PropertyValues>().notNull().default({}),
    active: boolean().notNull().default(true),
    deactivatedAt: instant(),
    /** The language the user chose ("en" | "fr"); null follows the browser's. */
    locale: text(),
    /** Optimistic-concurrency version of the admin-editable row. */
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("users_org_id_unique").on(t.organizationId, t.id),
    // E-mail is unique per deployment, case-insensitive (SPEC §9).
    uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`),
    index("users_org_role_idx").on(t.organizationId, t.role),
    index("users_properties_gin").using("gin", t.properties.op("jsonb_path_ops")),
    check("users_locale_known", sql`${t.locale} in ('en', 'fr')`),
    foreignKey({
      name: "users_primary_site_fk",
      columns: [t.organizationId, t.primarySiteId],
      foreignColumns: [sites.organizationId, sites.id],
    }),
  ],
);

export const userSites = pgTable(
  "user_sites",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    siteId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "user_sites_pk", columns: [t.userId, t.siteId] }),
    index("user_sites_site_idx").on(t.siteId, t.userId),
    foreignKey({
      name: "user_sites_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "user_sites_site_fk",
      columns: [t.organizationId, t.siteId],
      foreignColumns: [sites.organizationId, sites.id],
    }).onDelete("cascade"),
  ],
);

/** The IdP identity a user was bound to at their first SSO sign-in (SPEC §9). */
export const ssoIdentities = pgTable(
  "sso_identities",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid().notNull(),
    issuer: text().notNull(),
    subject: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sso_identities_issuer_subject_unique").on(t.issuer, t.subject),
    uniqueIndex("sso_identities_user_issuer_unique").on(t.userId, t.issuer),
    foreignKey({
      name: "sso_identities_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("teams_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("teams_org_name_unique").on(t.organizationId, sql`lower(${t.name})`),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    teamId: uuid().notNull(),
    userId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "team_members_pk", columns: [t.teamId, t.userId] }),
    index("team_members_user_idx").on(t.userId, t.teamId),
    foreignKey({
      name: "team_members_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "team_members_user_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);
