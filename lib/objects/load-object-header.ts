import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objectTemplates, sites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { resolveRelationValues, type RelationTarget } from "@/lib/object-details/relation-values";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { ObjectView } from "./object-view";
import { recordObjectVisit } from "./record-object-visit";

export interface ObjectHeader {
  ownerName: string;
  originSiteName: string | null;
  /** Names of the scope's sites (scope by sites), by name. */
  scopeSiteNames: string[];
  templateName: string | null;
  /** The type's property definitions, in display order, to show the object's values with their names. */
  properties: PropertyDefinitionFacts[];
  /** Relation property values as the reader may see them (names, references; objects they cannot view only counted). */
  relations: Record<string, RelationTarget[]>;
}

/**
 * The names an object page's header shows around an object the page gate already let the user view — and the
 * visit, for the home page's "recently opened".
 */
export async function loadObjectHeader(db: Executor, user: ActingUser, object: ObjectView): Promise<ObjectHeader> {
  const organizationId = user.organizationId;
  const siteIds = [...new Set([...(object.originSiteId ? [object.originSiteId] : []), ...object.scope.siteIds])];
  const [owner, siteRows, template, definitions, relations] = await Promise.all([
    db.select({ name: users.name }).from(users).where(and(eq(users.organizationId, organizationId), eq(users.id, object.ownerId))),
    siteIds.length === 0
      ? Promise.resolve([])
      : db.select({ id: sites.id, name: sites.name }).from(sites).where(and(eq(sites.organizationId, organizationId), inArray(sites.id, siteIds))),
    object.templateId
      ? db.select({ name: objectTemplates.name }).from(objectTemplates).where(and(eq(objectTemplates.organizationId, organizationId), eq(objectTemplates.id, object.templateId)))
      : Promise.resolve([]),
    loadPropertyDefinitions(db, organizationId, [object.type]),
    resolveRelationValues(db, user, { appliesTo: object.type, properties: object.properties }),
    recordObjectVisit(db, { organizationId, userId: user.id, objectId: object.id }),
  ]);
  const siteName = new Map(siteRows.map((site) => [site.id, site.name]));
  return {
    ownerName: owner[0]?.name ?? "",
    originSiteName: object.originSiteId ? (siteName.get(object.originSiteId) ?? null) : null,
    scopeSiteNames: object.scope.siteIds.flatMap((id) => siteName.get(id) ?? []).sort((a, b) => a.localeCompare(b)),
    templateName: template[0]?.name ?? null,
    properties: [...definitions.values()],
    relations,
  };
}
