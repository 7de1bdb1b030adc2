import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { propertyDefinitions, propertyOptions, type PropertyTarget, type PropertyType } from "@/db/schema";
import { isChoiceType } from "./property-labels";

/**
 * A property definition as the API answers it (API.md): `options` only for choice properties, `targetType` only
 * for relations; with its position in its target's list and its row version for optimistic concurrency.
 */
export interface PropertyView {
  id: string;
  name: string;
  appliesTo: PropertyTarget;
  type: PropertyType;
  options?: { id: string; label: string }[];
  targetType?: PropertyTarget;
  position: number;
  version: number;
}

/**
 * The organisation's property definitions, grouped by target in the admin panel's order (users, then each object
 * type: the enum's order), then by position and name; optionally one target's or one definition's.
 */
export async function loadPropertyViews(
  db: Executor,
  organizationId: string,
  filter: { appliesTo?: PropertyTarget; id?: string } = {},
): Promise<PropertyView[]> {
  const rows = await db
    .select({
      id: propertyDefinitions.id,
      name: propertyDefinitions.name,
      appliesTo: propertyDefinitions.appliesTo,
      type: propertyDefinitions.type,
      targetType: propertyDefinitions.targetType,
      position: propertyDefinitions.position,
      version: propertyDefinitions.version,
    })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, organizationId),
        filter.appliesTo ? eq(propertyDefinitions.appliesTo, filter.appliesTo) : undefined,
        filter.id ? eq(propertyDefinitions.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(propertyDefinitions.appliesTo), asc(propertyDefinitions.position), asc(sql`lower(${propertyDefinitions.name})`), asc(propertyDefinitions.id));
  const views: PropertyView[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    appliesTo: row.appliesTo,
    type: row.type,
    ...(isChoiceType(row.type) ? { options: [] } : {}),
    ...(row.type === "relation" && row.targetType ? { targetType: row.targetType } : {}),
    position: row.position,
    version: row.version,
  }));
  const choiceIds = views.filter((view) => view.options).map((view) => view.id);
  if (choiceIds.length === 0) return views;
  const byId = new Map(views.map((view) => [view.id, view]));
  const options = await db
    .select({ id: propertyOptions.id, propertyId: propertyOptions.propertyId, label: propertyOptions.label })
    .from(propertyOptions)
    .where(and(eq(propertyOptions.organizationId, organizationId), inArray(propertyOptions.propertyId, choiceIds)))
    .orderBy(asc(propertyOptions.position), asc(propertyOptions.label));
  for (const option of options) byId.get(option.propertyId)?.options?.push({ id: option.id, label: option.label });
  return views;
}

/** One definition of the organisation, or null (unknown, or another organisation's). */
export async function loadPropertyView(db: Executor, organizationId: string, id: string): Promise<PropertyView | null> {
  const [view] = await loadPropertyViews(db, organizationId, { id });
  return view ?? null;
}

/** What the audit log keeps of a definition: the API shape without position. */
export function auditedProperty(view: PropertyView) {
  const { position: _position, ...rest } = view;
  return rest;
}
