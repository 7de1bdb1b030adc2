import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, propertyDefinitions, users, type ObjectType, type PropertyTarget, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { isObjectTarget } from "@/lib/properties/property-labels";
import { isUuid } from "@/lib/validation/uuid";

/**
 * One value of a relation property as a reader may see it: a user (anyone of the organisation may read users), an
 * object they can view, or — for objects they cannot view, however many — only that some exist.
 */
export type RelationTarget =
  | { kind: "user"; id: string; name: string; active: boolean }
  | { kind: "object"; id: string; type: ObjectType; reference: string; title: string }
  | { kind: "hidden"; count: number };

function idsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isUuid) : [];
}

/**
 * The values of the relation properties among `properties` (an object's or a user's, `appliesTo` says which), by
 * property id, as the reader may see them: users by name, objects by reference and title only when the visibility
 * predicate lets the reader view them. One query per target kind.
 */
export async function resolveRelationValues(
  db: Executor,
  reader: ActingUser,
  carrier: { appliesTo: PropertyTarget; properties: PropertyValues },
): Promise<Record<string, RelationTarget[]>> {
  const definitions = await db
    .select({ id: propertyDefinitions.id, targetType: propertyDefinitions.targetType })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, reader.organizationId),
        eq(propertyDefinitions.appliesTo, carrier.appliesTo),
        eq(propertyDefinitions.type, "relation"),
      ),
    );
  const named = definitions
    .map((definition) => ({ ...definition, ids: idsOf(carrier.properties[definition.id]) }))
    .filter((definition) => definition.targetType !== null && definition.ids.length > 0);
  if (named.length === 0) return {};

  const found = new Map<string, RelationTarget>();
  const userIds = named.filter((definition) => definition.targetType === "user").flatMap((definition) => definition.ids);
  if (userIds.length > 0) {
    const rows = await db
      .select({ id: users.id, name: users.name, active: users.active })
      .from(users)
      .where(and(eq(users.organizationId, reader.organizationId), inArray(users.id, userIds)));
    for (const row of rows) found.set(row.id, { kind: "user", ...row });
  }
  const subject = subjectOf(reader);
  const plan = await planFor(db, subject);
  const objectTypes = new Set(named.map((definition) => definition.targetType).filter((target): target is ObjectType => target !== null && isObjectTarget(target)));
  for (const type of objectTypes) {
    const ids = named.filter((definition) => definition.targetType === type).flatMap((definition) => definition.ids);
    const filter = visibleObjectsFilter(plan, subject, { organizationId: reader.organizationId, minLevel: "view_no_download", type });
    if (filter.never) continue;
    const rows = await db
      .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title })
      .from(objects)
      .where(and(filter.where, inArray(objects.id, ids)));
    for (const row of rows) found.set(row.id, { kind: "object", ...row });
  }

  const resolved: Record<string, RelationTarget[]> = {};
  for (const definition of named) {
    const targets = definition.ids.flatMap((id) => {
      const target = found.get(id);
      return target ? [target] : [];
    });
    const hidden = definition.targetType === "user" ? 0 : definition.ids.length - targets.length;
    resolved[definition.id] = hidden > 0 ? [...targets, { kind: "hidden", count: hidden }] : targets;
  }
  return resolved;
}
