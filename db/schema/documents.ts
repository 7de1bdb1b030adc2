import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant, primaryId, updatedAt } from "./columns";
import { revisionStatusEnum } from "./enums";
import { objects } from "./objects";
import { propertyDefinitions } from "./properties";
import { organizations, users } from "./tenancy";

/** What a validated revision recorded of its document. */
export interface RevisionSnapshot {
  title: string;
  properties: Record<string, unknown>;
}

/** Revisions A, B, C… of a document: draft → validated → obsolete; validated ones are immutable. */
export const documentRevisions = pgTable(
  "document_revisions",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    objectId: uuid().notNull(),
    label: text().notNull(),
    /** 0 for A, 1 for B…: orders revisions without parsing labels. */
    sequence: integer().notNull(),
    status: revisionStatusEnum().notNull().default("draft"),
    note: text(),
    /**
     * The document's title and property values when this revision was validated (properties are per object, SPEC
     * §9): what "what changed between two revisions" compares. Null on drafts, which compare with the live object.
     */
    snapshot: jsonb().$type<RevisionSnapshot>(),
    createdById: uuid().notNull(),
    validatedById: uuid(),
    validatedAt: instant(),
    obsoletedAt: instant(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("document_revisions_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("document_revisions_object_sequence_unique").on(t.objectId, t.sequence),
    // At most one draft and one validated revision per document at any time.
    uniqueIndex("document_revisions_one_draft")
      .on(t.objectId)
      .where(sql`${t.status} = 'draft'`),
    uniqueIndex("document_revisions_one_validated")
      .on(t.objectId)
      .where(sql`${t.status} = 'validated'`),
    index("document_revisions_org_validated_idx").on(t.organizationId, t.validatedAt),
    foreignKey({
      name: "document_revisions_object_fk",
      columns: [t.organizationId, t.objectId],
      foreignColumns: [objects.organizationId, objects.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "document_revisions_created_by_fk",
      columns: [t.organizationId, t.createdById],
      foreignColumns: [users.organizationId, users.id],
    }),
    foreignKey({
      name: "document_revisions_validated_by_fk",
      columns: [t.organizationId, t.validatedById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** Files attached to a revision; the bytes live in file storage under `storageKey`. */
export const documentFiles = pgTable(
  "document_files",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    revisionId: uuid().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedById: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("document_files_org_id_unique").on(t.organizationId, t.id),
    index("document_files_revision_idx").on(t.revisionId),
    // Stored bytes are shared by content: before deleting them, is any row still naming them?
    index("document_files_storage_key_idx").on(t.storageKey),
    foreignKey({
      name: "document_files_revision_fk",
      columns: [t.organizationId, t.revisionId],
      foreignColumns: [documentRevisions.organizationId, documentRevisions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "document_files_uploaded_by_fk",
      columns: [t.organizationId, t.uploadedById],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

/** Admin-defined stamps shown on previews of objects whose trigger property holds one of `triggerValues`. */
export const watermarks = pgTable(
  "watermarks",
  {
    id: primaryId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    text: text().notNull(),
    color: text().notNull().default("#dc2626"),
    triggerPropertyId: uuid(),
    triggerValues: jsonb().$type<unknown[]>().notNull().default([]),
    enabled: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "watermarks_trigger_property_fk",
      columns: [t.organizationId, t.triggerPropertyId],
      foreignColumns: [propertyDefinitions.organizationId, propertyDefinitions.id],
    }),
  ],
);
