import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { objects, objectTypes, sites, users, type ObjectType, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { uuidPattern } from "./user-schemas";

export interface SiteOption {
  id: string;
  name: string;
  archived: boolean;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

/** What the user forms need to offer: the organisation's sites, its user properties, and relation targets. */
export interface UserFormOptions {
  sites: SiteOption[];
  properties: PropertyDefinitionFacts[];
  /** Options of relation properties, by property id: users of the organisation, or objects the Admin may see. */
  relationOptions: Record<string, ChoiceOption[]>;
}

// A select is fine for a few hundred entries; beyond that the API (ids) is the way.
const relationOptionsLimit = 300;

function isObjectType(target: string | null): target is ObjectType {
  return (objectTypes as readonly string[]).includes(target ?? "");
}

/**
 * The options of the new-user and edit-user forms. Relation properties to objects offer only objects the acting
 * Admin may see (the visibility predicate of their own plan), the latest first, plus those already chosen that
 * they can see.
 */
export async function loadUserFormOptions(db: Executor, actor: ActingUser, current: PropertyValues = {}): Promise<UserFormOptions> {
  const org = actor.organizationId;
  const [siteRows, definitions] = await Promise.all([
    db
      .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
      .from(sites)
      .where(eq(sites.organizationId, org))
      .orderBy(asc(sql`lower(${sites.name})`)),
    loadPropertyDefinitions(db, org, ["user"]),
  ]);
  const properties = [...definitions.values()];
  const relationOptions: Record<string, ChoiceOption[]> = {};
  const relations = properties.filter((property) => property.type === "relation");
  if (relations.some((property) => property.targetType === "user")) {
    const people = await db
      .select({ id: users.id, name: users.name, email: users.email, active: users.active })
      .from(users)
      .where(eq(users.organizationId, org))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(relationOptionsLimit);
    const labels = people.map((person) => ({ id: person.id, label: `${person.name} (${person.email})${person.active ? "" : " — deactivated"}` }));
    for (const property of relations) if (property.targetType === "user") relationOptions[property.id] = labels;
  }
  const subject = subjectOf(actor);
  for (const property of relations) {
    const target = property.targetType;
    if (!isObjectType(target)) continue;
    const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: org, minLevel: "view_no_download", type: target });
    if (filter.never) {
      relationOptions[property.id] = [];
      continue;
    }
    const chosen = Array.isArray(current[property.id]) ? (current[property.id] as unknown[]).filter((id): id is string => typeof id === "string" && uuidPattern.test(id)) : [];
    const columns = { id: objects.id, reference: objects.reference, title: objects.title };
    const [latest, kept] = await Promise.all([
      db.select(columns).from(objects).where(filter.where).orderBy(desc(objects.createdAt), desc(objects.id)).limit(relationOptionsLimit),
      chosen.length > 0 ? db.select(columns).from(objects).where(and(filter.where, inArray(objects.id, chosen))) : Promise.resolve([]),
    ]);
    const byId = new Map([...kept, ...latest].map((row) => [row.id, { id: row.id, label: `${row.reference} — ${row.title}` }]));
    relationOptions[property.id] = [...byId.values()];
  }
  return {
    sites: siteRows.map((site) => ({ id: site.id, name: site.name, archived: site.archivedAt !== null })),
    properties,
    relationOptions,
  };
}
