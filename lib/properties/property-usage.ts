import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { accessRules, objects, users, watermarks, type RulePropertyCondition } from "@/db/schema";

/** A rule or watermark that names a property, as refusals name it. */
export interface PropertyUser {
  id: string;
  name: string;
}

export interface PropertyReferences {
  rules: PropertyUser[];
  watermarks: PropertyUser[];
}

function conditionsOf(rule: { users: { properties?: RulePropertyCondition[] }; objects: { properties?: RulePropertyCondition[] } }) {
  return [...(rule.users.properties ?? []), ...(rule.objects.properties ?? [])];
}

interface ReferenceSources {
  rules: { id: string; name: string; users: { properties?: RulePropertyCondition[] }; objects: { properties?: RulePropertyCondition[] }; match: { userPropertyId: string; objectPropertyId: string }[] }[];
  watermarks: { id: string; name: string; triggerValues: unknown[] }[];
}

async function loadReferenceSources(db: Executor, organizationId: string, propertyId: string): Promise<ReferenceSources> {
  const rules = await db
    .select({ id: accessRules.id, name: accessRules.name, users: accessRules.users, objects: accessRules.objects, match: accessRules.match })
    .from(accessRules)
    .where(eq(accessRules.organizationId, organizationId))
    .orderBy(asc(accessRules.position), asc(accessRules.name));
  const marks = await db
    .select({ id: watermarks.id, name: watermarks.name, triggerValues: watermarks.triggerValues })
    .from(watermarks)
    .where(and(eq(watermarks.organizationId, organizationId), eq(watermarks.triggerPropertyId, propertyId)))
    .orderBy(asc(watermarks.name));
  return { rules, watermarks: marks };
}

function referencesIn(sources: ReferenceSources, propertyId: string, optionIds?: readonly string[]): PropertyReferences {
  const named = (values: unknown) =>
    !optionIds || (Array.isArray(values) && values.some((value) => typeof value === "string" && optionIds.includes(value)));
  const rules = sources.rules
    .filter((rule) => {
      const conditions = conditionsOf(rule).filter((condition) => condition.propertyId === propertyId);
      if (conditions.some((condition) => named(condition.in))) return true;
      return !optionIds && (rule.match ?? []).some((pair) => pair.userPropertyId === propertyId || pair.objectPropertyId === propertyId);
    })
    .map(({ id, name }) => ({ id, name }));
  const marks = sources.watermarks.filter((mark) => named(mark.triggerValues)).map(({ id, name }) => ({ id, name }));
  return { rules, watermarks: marks };
}

/**
 * The access rules (enabled or not: a disabled rule can be enabled again) and watermarks that refer to the property:
 * a user or object property condition, either side of a user-property = object-property match, or a watermark
 * trigger. With `optionIds`, only those whose condition or trigger values name one of these options.
 */
export async function findPropertyReferences(
  db: Executor,
  organizationId: string,
  propertyId: string,
  optionIds?: readonly string[],
): Promise<PropertyReferences> {
  return referencesIn(await loadReferenceSources(db, organizationId, propertyId), propertyId, optionIds);
}

/** The references of the property as a whole, and of each of the given options. */
export async function findPropertyAndOptionReferences(
  db: Executor,
  organizationId: string,
  propertyId: string,
  optionIds: readonly string[],
): Promise<{ property: PropertyReferences; options: Map<string, PropertyReferences> }> {
  const sources = await loadReferenceSources(db, organizationId, propertyId);
  return {
    property: referencesIn(sources, propertyId),
    options: new Map(optionIds.map((optionId) => [optionId, referencesIn(sources, propertyId, [optionId])])),
  };
}

/** The names of the rules and watermarks, for a refusal's message: "Toulouse edits, Montréal copy". */
export function referenceNames(references: PropertyReferences): string {
  return [...references.rules, ...references.watermarks].map((entry) => entry.name).join(", ");
}

export function hasReferences(references: PropertyReferences): boolean {
  return references.rules.length > 0 || references.watermarks.length > 0;
}

/** How many users and objects (trashed ones included: they can be restored) hold a value for the property. */
export async function countPropertyValues(db: Executor, organizationId: string, propertyId: string): Promise<{ users: number; objects: number }> {
  const [userCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), sql`${users.properties} -> ${propertyId}::text is not null`));
  const [objectCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(objects)
    .where(and(eq(objects.organizationId, organizationId), sql`${objects.properties} -> ${propertyId}::text is not null`));
  return { users: userCount?.n ?? 0, objects: objectCount?.n ?? 0 };
}

/**
 * How many users and objects hold each option of a choice property (a multiple-choice value counts once per option
 * it names). Options nobody holds are absent.
 */
export async function countOptionValues(db: Executor, organizationId: string, propertyId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of ["users", "objects"] as const) {
    const result = await db.execute(sql`
      select e.value as "optionId", count(*)::int as n
      from ${sql.identifier(table)} t
      cross join lateral jsonb_array_elements_text(
        case when jsonb_typeof(t.properties -> ${propertyId}::text) = 'array' then t.properties -> ${propertyId}::text
             else jsonb_build_array(t.properties -> ${propertyId}::text) end) as e(value)
      where t.organization_id = ${organizationId} and t.properties -> ${propertyId}::text is not null
      group by e.value`);
    for (const row of rowsOf<{ optionId: string; n: number }>(result)) counts.set(row.optionId, (counts.get(row.optionId) ?? 0) + Number(row.n));
  }
  return counts;
}
