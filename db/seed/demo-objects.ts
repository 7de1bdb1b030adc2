import "server-only";
import { randomUUID } from "node:crypto";
import { objects, objectScopeSites, type ObjectLinkKind, type ObjectType, type PropertyValues } from "@/db/schema";
import { allocateReferenceNumbers } from "@/lib/objects/allocate-reference-numbers";
import { formatReference } from "@/lib/objects/object-references";
import { managersOf, type DemoContext } from "./demo-context";
import { insertInChunks } from "./demo-insert";
import type { DemoPerson } from "./demo-people";
import { siteNames, type SiteName } from "./demo-sites";

export type DemoScope = { kind: "owner" } | { kind: "organization" } | { kind: "sites"; sites: SiteName[] };

export interface ObjectPlan {
  title: string;
  owner: DemoPerson;
  /** The origin site; also the scope's site when the scope is by sites. */
  site: SiteName;
  scope: DemoScope;
  templateId: string;
  properties: PropertyValues;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoObject extends ObjectPlan {
  id: string;
  type: ObjectType;
  reference: string;
}

/** Every type gets every scope kind: mostly the origin site, some private, organisation-wide or on two sites. */
export function scopeFor(index: number, site: SiteName): DemoScope {
  switch (index % 7) {
    case 1:
      return { kind: "organization" };
    case 3:
      return { kind: "owner" };
    case 5:
      return { kind: "sites", sites: [site, siteNames[(siteNames.indexOf(site) + 1) % siteNames.length] ?? site] };
    default:
      return { kind: "sites", sites: [site] };
  }
}

export function pickOwner(ctx: DemoContext, site: SiteName): DemoPerson {
  return ctx.random.pick(managersOf(ctx, site));
}

/**
 * Inserts the objects of one type with their reference numbers and scope sites, and logs their creation.
 * Each entry comes back with its object, so callers keep their own per-object data beside it.
 */
export async function insertObjects<Entry extends { plan: ObjectPlan }>(
  ctx: DemoContext,
  type: ObjectType,
  entries: Entry[],
): Promise<(Entry & { object: DemoObject })[]> {
  const first = await allocateReferenceNumbers(ctx.tx, ctx.organizationId, type, entries.length);
  const seeded = entries.map((entry, index) => ({
    ...entry,
    object: { ...entry.plan, id: randomUUID(), type, reference: formatReference(type, first + index) },
  }));
  const { organizationId, siteIds } = ctx;
  await insertInChunks(
    ctx.tx,
    objects,
    seeded.map(({ object }, index) => ({
      id: object.id,
      organizationId,
      type,
      number: first + index,
      reference: object.reference,
      title: object.title,
      ownerId: object.owner.id,
      originSiteId: siteIds[object.site],
      scopeKind: object.scope.kind,
      templateId: object.templateId,
      properties: object.properties,
      createdById: object.owner.id,
      createdAt: object.createdAt,
      updatedAt: object.updatedAt,
    })),
  );
  await insertInChunks(
    ctx.tx,
    objectScopeSites,
    seeded.flatMap(({ object }) =>
      object.scope.kind === "sites"
        ? object.scope.sites.map((site) => ({ organizationId, objectId: object.id, siteId: siteIds[site] }))
        : [],
    ),
  );
  for (const { object } of seeded) logEvent(ctx, object, "created", object.owner, object.createdAt);
  return seeded;
}

export function logEvent(
  ctx: DemoContext,
  object: DemoObject,
  kind: string,
  actor: DemoPerson,
  occurredAt: Date,
  data: Record<string, unknown> = {},
): void {
  ctx.events.push({
    organizationId: ctx.organizationId,
    objectId: object.id,
    objectType: object.type,
    actorId: actor.id,
    kind,
    data,
    occurredAt,
  });
}

export function link(
  ctx: DemoContext,
  from: DemoObject,
  to: DemoObject,
  kind: ObjectLinkKind,
  actor: DemoPerson,
  quantity?: number,
): void {
  ctx.links.push({
    organizationId: ctx.organizationId,
    fromObjectId: from.id,
    toObjectId: to.id,
    kind,
    quantity: quantity === undefined ? null : String(quantity),
    createdById: actor.id,
    createdAt: from.createdAt > to.createdAt ? from.createdAt : to.createdAt,
  });
}
