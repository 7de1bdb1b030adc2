import { sql } from "drizzle-orm";
import { foreignKey, index, integer, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, primaryId, updatedAt } from "./columns";
import { propertyTargetEnum, propertyTypeEnum } from "./enums";
import { organizations } from "./tenancy";

/**
 * A custom property on users or on one object type. Values live in the `properties` JSONB of the user or object,
 * keyed by this id, so renaming never touches values and rules never refer to names (SPEC §9).
 */
export const propertyDefinitions = pgTable(
  "property_definitions",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    appliesTo: propertyTargetEnum().notNull(),
    type: propertyTypeEnum().notNull(),
    /** For relation properties: the other side (users or an object type). */
    targetType: propertyTargetEnum(),
    position: integer().notNull().default(0),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("property_definitions_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("property_definitions_org_target_name_unique").on(t.organizationId, t.appliesTo, sql`lower(${t.name})`),
  ],
);

/** Options of single- and multiple-choice properties; values store the option id. */
export const propertyOptions = pgTable(
  "property_options",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    propertyId: uuid().notNull(),
    label: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("property_options_property_idx").on(t.propertyId, t.position),
    uniqueIndex("property_options_property_label_unique").on(t.propertyId, sql`lower(${t.label})`),
    foreignKey({
      name: "property_options_property_fk",
      columns: [t.organizationId, t.propertyId],
      foreignColumns: [propertyDefinitions.organizationId, propertyDefinitions.id],
    }).onDelete("cascade"),
  ],
);
