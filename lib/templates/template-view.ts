import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectTemplates, templateScopeSites, type DefaultScopeKind, type ObjectType, type PropertyValues } from "@/db/schema";

/** An object template as the API answers it (API.md), with whether it is its type's default and its row version. */
export interface TemplateView {
  id: string;
  objectType: ObjectType;
  name: string;
  isDefault: boolean;
  defaultScope: { kind: DefaultScopeKind; siteIds?: string[] };
  defaultProperties: PropertyValues;
  version: number;
}

/** The organisation's templates by object type (the enum's order), the default one first, then by name. */
export async function loadTemplateViews(
  db: Executor,
  organizationId: string,
  filter: { objectType?: ObjectType; id?: string } = {},
): Promise<TemplateView[]> {
  const rows = await db
    .select({
      id: objectTemplates.id,
      objectType: objectTemplates.objectType,
      name: objectTemplates.name,
      isDefault: objectTemplates.isDefault,
      kind: objectTemplates.defaultScopeKind,
      defaultProperties: objectTemplates.defaultProperties,
      version: objectTemplates.version,
    })
    .from(objectTemplates)
    .where(
      and(
        eq(objectTemplates.organizationId, organizationId),
        filter.objectType ? eq(objectTemplates.objectType, filter.objectType) : undefined,
        filter.id ? eq(objectTemplates.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(objectTemplates.objectType), sql`${objectTemplates.isDefault} desc`, asc(sql`lower(${objectTemplates.name})`), asc(objectTemplates.id));
  const withSites = rows.filter((row) => row.kind === "sites").map((row) => row.id);
  const sitesByTemplate = new Map<string, string[]>();
  if (withSites.length > 0) {
    const siteRows = await db
      .select({ templateId: templateScopeSites.templateId, siteId: templateScopeSites.siteId })
      .from(templateScopeSites)
      .where(and(eq(templateScopeSites.organizationId, organizationId), inArray(templateScopeSites.templateId, withSites)))
      .orderBy(asc(templateScopeSites.siteId));
    for (const row of siteRows) sitesByTemplate.set(row.templateId, [...(sitesByTemplate.get(row.templateId) ?? []), row.siteId]);
  }
  return rows.map((row) => ({
    id: row.id,
    objectType: row.objectType,
    name: row.name,
    isDefault: row.isDefault,
    defaultScope: row.kind === "sites" ? { kind: row.kind, siteIds: sitesByTemplate.get(row.id) ?? [] } : { kind: row.kind },
    defaultProperties: row.defaultProperties,
    version: row.version,
  }));
}

export async function loadTemplateView(db: Executor, organizationId: string, id: string): Promise<TemplateView | null> {
  const [view] = await loadTemplateViews(db, organizationId, { id });
  return view ?? null;
}
