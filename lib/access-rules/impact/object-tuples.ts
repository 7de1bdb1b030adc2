import "server-only";
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, type ObjectType, type ScopeKind } from "@/db/schema";
import type { AuthzContext } from "@/lib/authz/authz-context";
import type { PlannedCondition, PlannedRule } from "@/lib/authz/plan";
import type { ComparableValue } from "@/lib/authz/property-values";
import { recordset } from "./scope-tables";

/*
 * Objects → tuples. An instance only reads an object's type and its values of a few properties, so objects are grouped
 * in SQL by their "tuple": the type and, for each property some instance reads, the value restricted to what the
 * instances name (values no instance names are left out — they cannot make a condition hold). All objects of a tuple
 * match the same instances; which ones (the tuple's "vector") is decided once per tuple, in memory.
 */

/** A property some instance reads. */
interface RelevantProperty {
  id: string;
  multiValued: boolean;
  /** Every option of a choice property is named somewhere: the stored value is kept as it is. */
  everyOption: boolean;
  /** The values named, by their JSON text. */
  candidates: Map<string, ComparableValue>;
  /**
   * Single-valued properties named by strings only (choices, relations, text) travel as the position of their value
   * in this list: a tuple names a few small numbers instead of ids, which keeps the tuples light to send both ways.
   */
  codes: string[] | null;
}

export interface ObjectTuple {
  /** The tuple as SQL computes it (`jsonb_build_array(type, value…)`): joins back to the objects. */
  key: unknown[];
  type: ObjectType;
  /** Property id → the tuple's value (absent: none of the named values). */
  values: Record<string, unknown>;
  organizationScoped: number;
  siteScoped: number;
  /** Objects private to their owner, for owners who are members of some class. */
  privateByOwner: Map<string, number>;
}

export interface TupleSet {
  tuples: ObjectTuple[];
  /** The SQL of an object's tuple. */
  keySql: SQL;
  /** Live objects of the organisation that some granting instance may match. */
  candidatesWhere: SQL;
  /**
   * The candidates grouped (a temporary table): `k` the tuple, `scope`, `owner` (a class member, when they could
   * reach the objects through ownership alone), `sites` (the scope sites of site-scoped objects) and `n` objects.
   */
  grouped: SQL;
}

/** Beyond this many granting instances, candidates are selected by type alone (a superset, so still exact). */
const maxCandidateInstances = 64;
/** Candidates are looked up by their values when they are at most 1 in this many objects of their types. */
const selectiveShare = 5;

function relevantProperties(instances: readonly PlannedRule[], context: AuthzContext): RelevantProperty[] {
  const byId = new Map<string, RelevantProperty>();
  for (const condition of instances.flatMap((instance) => instance.conditions)) {
    let property = byId.get(condition.propertyId);
    if (!property) {
      byId.set(condition.propertyId, (property = { id: condition.propertyId, multiValued: condition.multiValued, everyOption: false, candidates: new Map(), codes: null }));
    }
    for (const value of condition.candidates) property.candidates.set(JSON.stringify(value), value);
  }
  for (const property of byId.values()) {
    const options = context.properties.get(property.id)?.optionLabels;
    property.everyOption = options !== undefined && options.size > 0 && [...options.keys()].every((option) => property.candidates.has(JSON.stringify(option)));
    const values = [...property.candidates.values()];
    if (!property.multiValued && values.every((value) => typeof value === "string")) property.codes = values as string[];
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The same containment test as the visibility predicate (lib/authz/predicate.ts). */
function conditionSql(condition: PlannedCondition): SQL {
  const tests = condition.candidates.map(
    (candidate) => sql`${objects.properties} @> ${JSON.stringify({ [condition.propertyId]: condition.multiValued ? [candidate] : candidate })}::jsonb`,
  );
  return tests.length === 1 ? tests[0]! : sql`(${sql.join(tests, sql` or `)})`;
}

function instanceSql(instance: PlannedRule): SQL | undefined {
  const parts: SQL[] = [];
  if (instance.types) parts.push(inArray(objects.type, [...instance.types]));
  parts.push(...instance.conditions.map(conditionSql));
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : and(...parts);
}

/** The types any granting instance may match (undefined: every type). */
function candidateTypesSql(granting: readonly PlannedRule[]): SQL | undefined {
  if (granting.some((instance) => !instance.types)) return undefined;
  return inArray(objects.type, [...new Set(granting.flatMap((instance) => [...instance.types!]))]);
}

/** Objects any granting instance may match, by type and values; undefined when that says nothing more than the types. */
function candidatesByValuesSql(granting: readonly PlannedRule[]): SQL | undefined {
  if (granting.length > maxCandidateInstances || granting.some((instance) => instance.conditions.length === 0)) return undefined;
  return or(...granting.map((instance) => instanceSql(instance)!));
}

/**
 * Whether the granting instances' values select a small share of the objects of their types, judged on a 1 % sample
 * of the table. Then the candidates are found through the properties index; otherwise a (parallel) scan by type is
 * cheaper — the planner cannot tell, as it has no statistics for JSON containment.
 */
async function valuesAreSelective(db: Executor, scope: SQL, byValues: SQL, byTypes: SQL | undefined): Promise<boolean> {
  const [sample] = rowsOf<{ hits: number; rows: number }>(
    await db.execute(sql`
      select (count(*) filter (where ${byValues}))::int as hits, count(*)::int as rows
      from ${objects} tablesample system (1)
      where ${and(scope, byTypes)}`),
  );
  return !sample || sample.hits * selectiveShare <= sample.rows;
}

/** An object's tuple in SQL: its type, then its value of each relevant property, restricted to the named values. */
function tupleKeySql(properties: readonly RelevantProperty[]): SQL {
  const parts: SQL[] = [sql`${objects.type}`];
  for (const property of properties) {
    const value = sql`(${objects.properties} -> ${property.id}::text)`;
    const candidates = [...property.candidates.keys()];
    if (property.codes) {
      // A string equal to a named one (what containment compares), as its position; anything else, nothing. Properties
      // named by strings hold strings (values are checked against their property's type when written), so the value's
      // text finds its position without a look at its JSON type — half the cost of a tuple on a million objects.
      const positions = JSON.stringify(Object.fromEntries(property.codes.map((code, position) => [code, position])));
      parts.push(sql`(${positions}::jsonb -> (${objects.properties} ->> ${property.id}::text))`);
    } else if (property.everyOption) {
      parts.push(value);
    } else if (property.multiValued) {
      // The named elements, in stored order; only arrays, as containment reads them.
      const path = `$[*] ? (${candidates.map((_candidate, index) => `@ == $c${index}`).join(" || ")})`;
      const variables = JSON.stringify(Object.fromEntries(candidates.map((json, index) => [`c${index}`, JSON.parse(json) as unknown])));
      parts.push(
        sql`nullif(jsonb_path_query_array(case when jsonb_typeof(${value}) = 'array' then ${value} end, ${path}::jsonpath, ${variables}::jsonb), '[]'::jsonb)`,
      );
    } else {
      parts.push(sql`(case when ${value} in (${sql.join(
        candidates.map((json) => sql`${json}::jsonb`),
        sql`, `,
      )}) then ${value} end)`);
    }
  }
  return sql`jsonb_build_array(${sql.join(parts, sql`, `)})`;
}

/** Where one preview groups its candidates: a temporary table, dropped with the preview's transaction. */
const groupedTable = sql.raw("impact_candidates");

/**
 * One scan of the candidates, grouped into a temporary table by tuple, scope, owner and scope sites: everything later
 * steps ask of the objects, except samples, is answered from these groups without reading a property again. Then, per
 * tuple, how many objects are shared organisation-wide, by sites, or private (per owner).
 */
export async function loadObjectTuples(
  db: Executor,
  organizationId: string,
  options: {
    instances: readonly PlannedRule[];
    granting: readonly PlannedRule[];
    context: AuthzContext;
    /** The members of every class, with their sites. */
    members: readonly { id: string; siteIds: readonly string[] }[];
  },
): Promise<TupleSet> {
  const properties = relevantProperties(options.instances, options.context);
  const keySql = tupleKeySql(properties);
  const live = and(eq(objects.organizationId, organizationId), isNull(objects.trashedAt))!;
  const byValues = candidatesByValuesSql(options.granting);
  const byTypes = candidateTypesSql(options.granting);
  const selective = byValues !== undefined && (await valuesAreSelective(db, live, byValues, byTypes));
  const candidatesWhere = and(live, selective ? byValues : byTypes)!;
  // A caller's transaction around two previews would still hold the first one's groups.
  await db.execute(sql`drop table if exists ${groupedTable}`);
  // A plain GROUP BY, which PostgreSQL shares out between parallel workers (CREATE TABLE AS may run in parallel). The
  // owner is kept for a class member's private objects, and for their site-scoped objects on none of their sites: on
  // one of them, the member's class reaches the object through that site anyway (its sites are the members' sites).
  // Keeping every owner would split the groups by owner for nothing.
  await db.execute(sql`
    create temporary table ${groupedTable} on commit drop as
    select ${keySql} as k, ${objects.scopeKind} as scope,
      case when ${objects.scopeKind} = 'owner' or not (${objects.scopeSiteIds} && member.sites) then member.id end as owner,
      case when ${objects.scopeKind} = 'sites' then ${objects.scopeSiteIds} end as sites,
      count(*)::int as n
    from ${objects}
    left join ${recordset(
      options.members.map((member) => ({ id: member.id, sites: member.siteIds })),
      "member",
      "id uuid, sites uuid[]",
    )} on member.id = ${objects.ownerId} and ${objects.scopeKind} <> 'organization'
    where ${candidatesWhere}
    group by 1, 2, 3, 4`);
  const rows = rowsOf<{ k: unknown[]; scope: ScopeKind; owner: string | null; n: number }>(
    await db.execute(sql`
      select k, scope, case when scope = 'owner' then owner::text end as owner, sum(n)::int as n
      from ${groupedTable}
      group by 1, 2, 3`),
  );

  const byKey = new Map<string, ObjectTuple>();
  for (const row of rows) {
    const keyText = JSON.stringify(row.k);
    let tuple = byKey.get(keyText);
    if (!tuple) {
      const [type, ...values] = row.k as [ObjectType, ...unknown[]];
      const tupleValues: Record<string, unknown> = {};
      values.forEach((value, index) => {
        if (value === null || value === undefined) return;
        const property = properties[index]!;
        tupleValues[property.id] = property.codes ? property.codes[value as number] : value;
      });
      byKey.set(keyText, (tuple = { key: row.k, type, values: tupleValues, organizationScoped: 0, siteScoped: 0, privateByOwner: new Map() }));
    }
    if (row.scope === "organization") tuple.organizationScoped += row.n;
    else if (row.scope === "sites") tuple.siteScoped += row.n;
    else if (row.owner) tuple.privateByOwner.set(row.owner, row.n);
  }
  return { tuples: [...byKey.values()], keySql, candidatesWhere, grouped: groupedTable };
}

/**
 * Which instances each tuple matches, as `ruleMatchesObject` (lib/authz/decide.ts) would decide for its objects —
 * through an index of the named values rather than instance by instance, since there may be tens of thousands of
 * tuples and hundreds of instances. Tuples with the same matches share a vector.
 */
export function matchVectors(tuples: readonly ObjectTuple[], instances: readonly PlannedRule[]): { vectors: number[][]; vectorOfTuple: Int32Array } {
  // Every condition of every instance gets an id; (property, value JSON) → the conditions that value satisfies.
  const conditionInstance: number[] = [];
  const satisfiedBy = new Map<string, Map<string, number[]>>();
  const unconditional: number[] = [];
  instances.forEach((instance, index) => {
    if (instance.conditions.length === 0) unconditional.push(index);
    for (const condition of instance.conditions) {
      const id = conditionInstance.push(index) - 1;
      let byValue = satisfiedBy.get(condition.propertyId);
      if (!byValue) satisfiedBy.set(condition.propertyId, (byValue = new Map()));
      for (const candidate of new Set(condition.candidates.map((value) => JSON.stringify(value)))) {
        const list = byValue.get(candidate);
        if (list) list.push(id);
        else byValue.set(candidate, [id]);
      }
    }
  });
  const multiValued = new Map(instances.flatMap((instance) => instance.conditions.map((condition) => [condition.propertyId, condition.multiValued] as const)));

  const conditionStamp = new Int32Array(conditionInstance.length).fill(-1);
  const instanceStamp = new Int32Array(instances.length).fill(-1);
  const satisfiedCount = new Int32Array(instances.length);
  const vectorIndex = new Map<string, number>();
  const vectors: number[][] = [];
  const vectorOfTuple = new Int32Array(tuples.length);
  tuples.forEach((tuple, stamp) => {
    const touched: number[] = [];
    const satisfy = (byValue: Map<string, number[]>, value: unknown) => {
      // Conditions compare JSON scalars (storedValueMatches): arrays and objects never equal a named value.
      if (value === null || typeof value === "object") return;
      for (const id of byValue.get(JSON.stringify(value)) ?? []) {
        if (conditionStamp[id] === stamp) continue;
        conditionStamp[id] = stamp;
        const instance = conditionInstance[id]!;
        if (instanceStamp[instance] !== stamp) {
          instanceStamp[instance] = stamp;
          satisfiedCount[instance] = 0;
          touched.push(instance);
        }
        satisfiedCount[instance]!++;
      }
    };
    for (const [propertyId, value] of Object.entries(tuple.values)) {
      const byValue = satisfiedBy.get(propertyId);
      if (!byValue) continue;
      if (!multiValued.get(propertyId)) satisfy(byValue, value);
      else if (Array.isArray(value)) for (const element of value) satisfy(byValue, element);
    }
    const typeMatches = (index: number) => instances[index]!.types?.has(tuple.type) ?? true;
    const matched = [
      ...unconditional.filter(typeMatches),
      ...touched.filter((index) => satisfiedCount[index] === instances[index]!.conditions.length && typeMatches(index)),
    ].sort((a, b) => a - b);
    const key = matched.join(",");
    let vector = vectorIndex.get(key);
    if (vector === undefined) {
      vector = vectors.push(matched) - 1;
      vectorIndex.set(key, vector);
    }
    vectorOfTuple[stamp] = vector;
  });
  return { vectors, vectorOfTuple };
}
