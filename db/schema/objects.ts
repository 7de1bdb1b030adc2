import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId, updatedAt } from "./columns";
import { defaultScopeKindEnum, objectLinkKindEnum, objectTypeEnum, scopeKindEnum } from "./enums";
import { organizations, sites, users, type PropertyValues } from "./tenancy";

/** Default scope and property values for new objects of one type (SPEC §3, §9). */
export const objectTemplates = pgTable(
  "object_templates",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectType: objectTypeEnum().notNull(),
    name: text().notNull(),
    defaultScopeKind: defaultScopeKindEnum().notNull().default("creator_sites"),
    defaultProperties: jsonb().$type<PropertyValues>().notNull().default({}),
    /** The template used when the create form names none. */
    isDefault: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("object_templates_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("object_templates_org_type_name_unique").on(t.organizationId, t.objectType, sql`lower(${t.name})`),
    uniqueIndex("object_templates_one_default_per_type")
      .on(t.organizationId, t.objectType)
      .where(sql`${t.isDefault}`),
  ],
);

/** The fixed sites of a template whose default scope kind is `sites`. */
export const templateScopeSites = pgTable(
  "template_scope_sites",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    templateId: uuid().notNull(),
    siteId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ name: "template_scope_sites_pk", columns: [t.templateId, t.siteId] }),
    foreignKey({
      name: "template_scope_sites_template_fk",
      columns: [t.organizationId, t.templateId],
      foreignColumns: [objectTemplates.organizationId, objectTemplates.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "template_scope_sites_site_fk",
      columns: [t.organizationId, t.siteId],
      foreignColumns: [sites.organizationId, sites.id],
    }),
  ],
);

/**
 * The distinct (type, properties) pairs of an organisation's objects, each object naming its own by
 * `objects.property_map_id`. Kept by the database (trigger of migration 0006), whoever writes the objects; a map is
 * never changed or deleted, so an id always means the same properties. The impact preview reads an object's
 * properties through its map: a few hundred thousand maps instead of a million objects (docs/authorization.md §8.4).
 */
export const propertyMaps = pgTable(
  "property_maps",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: objectTypeEnum().notNull(),
    properties: jsonb().$type<PropertyValues>().notNull(),
    /** The hex sha256 of the properties' text: the lookup key, since a JSON value may be too long for a btree entry. */
    fingerprint: text().notNull(),
  },
  (t) => [uniqueIndex("property_maps_identity_unique").on(t.organizationId, t.type, t.fingerprint)],
);

/**
 * Every object of every type. What the visibility predicate reads lives here (type, owner, scope kind, scope sites,
 * properties, trashed_at); object_scope_sites holds the scope sites with their foreign keys; type-specific details
 * are in their own tables.
 */
export const objects = pgTable(
  "objects",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: objectTypeEnum().notNull(),
    /** Per organisation and type, allocated in the create transaction, never reused. */
    number: integer().notNull(),
    /** `DOC-000123`, derived from type and number at creation and kept for search. */
    reference: text().notNull(),
    title: text().notNull(),
    ownerId: uuid().notNull(),
    originSiteId: uuid(),
    scopeKind: scopeKindEnum().notNull(),
    /**
     * The object's rows of object_scope_sites, sorted: a copy kept by the database (trigger of migration 0005) so that
     * scans test an object's sites inline instead of probing the join table row by row. Never written by the app.
     */
    scopeSiteIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The numbers (sites.number) of the same sites, sorted, kept with them by the same trigger. Never written by the app. */
    scopeSiteNumbers: integer().array().notNull().default(sql`'{}'::integer[]`),
    templateId: uuid(),
    properties: jsonb().$type<PropertyValues>().notNull().default({}),
    /**
     * The map of this object's type and properties: set by the database before every write (so optional to inserts),
     * never by the app, and never null once written (check constraint).
     */
    propertyMapId: integer(),
    createdById: uuid().notNull(),
    trashedAt: instant(),
    trashedById: uuid(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("objects_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("objects_org_type_number_unique").on(t.organizationId, t.type, t.number),
    uniqueIndex("objects_org_reference_unique").on(t.organizationId, t.reference),
    // Newest-first pages of one type, and of all types, among live objects. NULLS FIRST because that is what a
    // plain `ORDER BY created_at DESC, id DESC` means: with any other null order the index cannot return the rows
    // in the query's order and PostgreSQL sorts every visible row instead (docs/authorization.md §4.1). The scope
    // columns after (created_at, id), which is unique, leave the order alone: a count that only scope decides reads
    // this index and never the table (§4, §7.2) — the site numbers, not the ids, which would not fit an index entry
    // for an object shared with a few hundred sites.
    index("objects_live_type_created_idx")
      .on(t.organizationId, t.type, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.scopeKind, t.ownerId, t.scopeSiteNumbers)
      .where(sql`${t.trashedAt} is null`),
    index("objects_live_created_idx")
      .on(t.organizationId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.trashedAt} is null`),
    // Organisation-scoped objects are visible to everyone in scope: a narrow user's page unions them in.
    index("objects_live_org_scope_idx")
      .on(t.organizationId, t.type, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.trashedAt} is null and ${t.scopeKind} = 'organization'`),
    index("objects_owner_idx").on(t.organizationId, t.ownerId),
    // The origin half of a list's site filter (its other half, shared with the site, is the scope sites' GIN).
    index("objects_live_origin_site_idx")
      .on(t.organizationId, t.originSiteId)
      .where(sql`${t.trashedAt} is null`),
    check("objects_property_map_set", sql`${t.propertyMapId} is not null`),
    // What the impact preview counts, per property map, without reading the table (docs/authorization.md §8.4).
    index("objects_live_impact_idx")
      .on(t.organizationId, t.propertyMapId, t.scopeKind, t.ownerId, t.scopeSiteNumbers)
      .where(sql`${t.trashedAt} is null`),
    index("objects_properties_gin").using("gin", t.properties.op("jsonb_path_ops")),
    // Objects shared with any of several sites, for users on a few sites whose rules select little by themselves.
    index("objects_scope_sites_gin").using("gin", t.scopeSiteIds),
    index("objects_title_trgm").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
    index("objects_trashed_idx")
      .on(t.organizationId, t.trashedAt)
      .where(sql`${t.trashedAt} is not null`),
    foreignKey({
      name: "objects_owner_fk",
      columns: [t.organizationId, t.ownerId],
      foreignColumns: [users.organizationId, users.id],
    }),
    foreignKey({
      name: "objects_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
    foreignKey({
      name: "objects_origin_site_fk",
      columns: [t.organizationId, t.originSiteId],
      foreignColumns: [sites.organizationId, sites.id],
    }),
    foreignKey({
      name: "objects_template_fk",
      columns: [t.organizationId, t.templateId],
      foreignColumns: [objectTemplates.organizationId, objectTemplates.id],
    }),
  ],
);

/** The sites of an object whose scope kind is `sites`. */
export const objectScopeSites = pgTable(
  "object_scope_sites",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectId: uuid().notNull(),
    siteId: uuid().notNull(),
  },
  (t) => [
    // Serves the per-row probe "is this object shared with one of my sites?".
    primaryKey({ name: "object_scope_sites_pk", columns: [t.objectId, t.siteId] }),
    // Serves the other direction: "objects shared with my sites", for narrow users.
    index("object_scope_sites_site_idx").on(t.siteId, t.objectId),
    foreignKey({
      name: "object_scope_sites_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "object_scope_sites_site_fk",
      columns: [t.organizationId, t.siteId],
      foreignColumns: [sites.organizationId, sites.id],
    }),
  ],
);

/** The last reference number handed out per organisation and type. */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectType: objectTypeEnum().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: "reference_counters_pk", columns: [t.organizationId, t.objectType] })],
);

/**
 * Links between objects (a product's parts, BOM lines, a workflow's subjects…). Access never flows through a
 * link: each side is filtered by the visibility predicate on its own (SPEC §9).
 */
export const objectLinks = pgTable(
  "object_links",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fromObjectId: uuid().notNull(),
    toObjectId: uuid().notNull(),
    kind: objectLinkKindEnum().notNull().default("related"),
    /** BOM lines: quantity of the child per parent. */
    quantity: numeric({ precision: 14, scale: 4 }),
    /** BOM lines and document links may pin one revision of a document. */
    pinnedRevisionId: uuid(),
    /** Row version: a quantity change states the one it read, so a stale edit is refused (SPEC §9). */
    version: integer().notNull().default(1),
    createdById: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("object_links_unique").on(t.fromObjectId, t.toObjectId, t.kind),
    index("object_links_to_idx").on(t.toObjectId),
    foreignKey({
      name: "object_links_from_fk",
      columns: [t.organizationId, t.fromObjectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "object_links_to_fk",
      columns: [t.organizationId, t.toObjectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "object_links_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);
