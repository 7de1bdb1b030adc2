import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, type ObjectType, type PropertyValues, type ScopeKind } from "@/db/schema";

/** An object as the API answers it (API.md), with its row version for optimistic concurrency. */
export interface ObjectView {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
  ownerId: string;
  originSiteId: string | null;
  templateId: string | null;
  scope: { kind: ScopeKind; siteIds: string[] };
  properties: PropertyValues;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The columns every object answer reads; scope sites in one sub-select, so a page of objects is one query. */
export const objectViewColumns = {
  id: objects.id,
  type: objects.type,
  reference: objects.reference,
  title: objects.title,
  ownerId: objects.ownerId,
  originSiteId: objects.originSiteId,
  templateId: objects.templateId,
  scopeKind: objects.scopeKind,
  scopeSiteIds: objects.scopeSiteIds,
  properties: objects.properties,
  createdAt: objects.createdAt,
  updatedAt: objects.updatedAt,
  version: objects.version,
};

export interface ObjectViewRow {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
  ownerId: string;
  originSiteId: string | null;
  templateId: string | null;
  scopeKind: ScopeKind;
  scopeSiteIds: string[];
  properties: PropertyValues;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export function toObjectView(row: ObjectViewRow): ObjectView {
  return {
    id: row.id,
    type: row.type,
    reference: row.reference,
    title: row.title,
    ownerId: row.ownerId,
    originSiteId: row.originSiteId,
    templateId: row.templateId,
    scope: { kind: row.scopeKind, siteIds: row.scopeKind === "sites" ? row.scopeSiteIds : [] },
    properties: row.properties,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

/**
 * One object of the organisation as the API shows it, whoever asks: callers decide access first (the gate, or
 * the visibility predicate) and only then read it.
 */
export async function loadObjectView(db: Executor, organizationId: string, objectId: string): Promise<ObjectView | null> {
  const [row] = await db
    .select(objectViewColumns)
    .from(objects)
    .where(and(eq(objects.id, objectId), eq(objects.organizationId, organizationId)));
  return row ? toObjectView(row) : null;
}
