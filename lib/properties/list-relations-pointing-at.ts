import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, propertyDefinitions, users, type ObjectType, type PropertyTarget } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { isObjectTarget } from "./property-labels";

/** A user or object whose relation property names the target. */
export type RelationCarrier =
  | { kind: "user"; id: string; name: string; email: string; active: boolean }
  | { kind: "object"; id: string; type: ObjectType; reference: string; title: string };

export interface RelationBacklink {
  property: { id: string; name: string; appliesTo: PropertyTarget };
  /** Newest objects first, users by name; at most `limit` of them. */
  carriers: RelationCarrier[];
  /** More carriers exist beyond `limit`. */
  more: boolean;
}

/**
 * The other side of relation properties (SPEC §5: a product's "Quality lead" shows on that user's page): for a user
 * or an object, each relation property that points at its kind, with the users and objects whose value names it.
 * Objects are filtered by the caller's visibility (scope and rules), so a page never reveals an object the caller
 * cannot see. Served by the GIN containment index on `properties`.
 */
export async function listRelationsPointingAt(
  db: Executor,
  user: ActingUser,
  target: { targetKind: PropertyTarget; targetId: string; limit?: number },
): Promise<RelationBacklink[]> {
  const limit = target.limit ?? 20;
  const definitions = await db
    .select({ id: propertyDefinitions.id, name: propertyDefinitions.name, appliesTo: propertyDefinitions.appliesTo })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, user.organizationId),
        eq(propertyDefinitions.type, "relation"),
        eq(propertyDefinitions.targetType, target.targetKind),
      ),
    )
    .orderBy(asc(propertyDefinitions.appliesTo), asc(propertyDefinitions.position), asc(propertyDefinitions.name));
  if (definitions.length === 0) return [];

  const subject = subjectOf(user);
  const plan = await planFor(db, subject);
  const backlinks: RelationBacklink[] = [];
  for (const property of definitions) {
    const contains = JSON.stringify({ [property.id]: [target.targetId] });
    let carriers: RelationCarrier[] = [];
    if (isObjectTarget(property.appliesTo)) {
      const filter = visibleObjectsFilter(plan, subject, { organizationId: user.organizationId, minLevel: "view_no_download", type: property.appliesTo });
      if (!filter.never) {
        const rows = await db
          .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title })
          .from(objects)
          .where(and(filter.where, sql`${objects.properties} @> ${contains}::jsonb`))
          .orderBy(desc(objects.createdAt), desc(objects.id))
          .limit(limit + 1);
        carriers = rows.map((row) => ({ kind: "object", ...row }));
      }
    } else {
      const rows = await db
        .select({ id: users.id, name: users.name, email: users.email, active: users.active })
        .from(users)
        .where(and(eq(users.organizationId, user.organizationId), sql`${users.properties} @> ${contains}::jsonb`))
        .orderBy(asc(users.name), asc(users.id))
        .limit(limit + 1);
      carriers = rows.map((row) => ({ kind: "user", ...row }));
    }
    backlinks.push({ property, carriers: carriers.slice(0, limit), more: carriers.length > limit });
  }
  return backlinks;
}
