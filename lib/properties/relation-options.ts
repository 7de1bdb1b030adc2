import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, objectTypes, users, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import type { PropertyDefinitionFacts } from "./load-property-definitions";
import { isUuid } from "@/lib/validation/uuid";

export interface ChoiceOption {
  id: string;
  label: string;
  /** A deactivated user: forms say so beside the label, in the reader's language. */
  deactivated?: boolean;
}

// A select is fine for a few hundred entries; beyond that the API (ids) is the way.
const relationOptionsLimit = 300;

function isObjectType(target: string | null): target is ObjectType {
  return (objectTypes as readonly string[]).includes(target ?? "");
}

function chosenIds(values: unknown): string[] {
  return Array.isArray(values) ? values.filter((id): id is string => typeof id === "string" && isUuid(id)) : [];
}

/**
 * What a form offers for each relation property, by property id: users of the organisation, or objects the acting
 * user may see (the visibility predicate of their own plan), the latest first, plus those already chosen that they
 * can see. `chosen` holds each property's current values.
 */
export async function loadRelationOptions(
  db: Executor,
  actor: ActingUser,
  properties: readonly PropertyDefinitionFacts[],
  chosen: Record<string, unknown> = {},
): Promise<Record<string, ChoiceOption[]>> {
  const org = actor.organizationId;
  const options: Record<string, ChoiceOption[]> = {};
  const relations = properties.filter((property) => property.type === "relation");
  if (relations.some((property) => property.targetType === "user")) {
    const people = await db
      .select({ id: users.id, name: users.name, email: users.email, active: users.active })
      .from(users)
      .where(eq(users.organizationId, org))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(relationOptionsLimit);
    const labels = people.map((person) => ({ id: person.id, label: `${person.name} (${person.email})`, deactivated: !person.active }));
    for (const property of relations) if (property.targetType === "user") options[property.id] = labels;
  }
  const subject = subjectOf(actor);
  for (const property of relations) {
    const target = property.targetType;
    if (!isObjectType(target)) continue;
    const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: org, minLevel: "view_no_download", type: target });
    if (filter.never) {
      options[property.id] = [];
      continue;
    }
    const kept = chosenIds(chosen[property.id]);
    const columns = { id: objects.id, reference: objects.reference, title: objects.title };
    const [latest, keptRows] = await Promise.all([
      db.select(columns).from(objects).where(filter.where).orderBy(desc(objects.createdAt), desc(objects.id)).limit(relationOptionsLimit),
      kept.length > 0 ? db.select(columns).from(objects).where(and(filter.where, inArray(objects.id, kept))) : Promise.resolve([]),
    ]);
    const byId = new Map([...keptRows, ...latest].map((row) => [row.id, { id: row.id, label: `${row.reference} — ${row.title}` }]));
    options[property.id] = [...byId.values()];
  }
  return options;
}
