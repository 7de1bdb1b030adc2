import "server-only";
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, objectTypes, type ObjectType } from "@/db/schema";
import type { PlannedCondition, PlannedRule } from "@/lib/authz/plan";
import type { ComparableValue } from "@/lib/authz/property-values";
import { recordset } from "./scope-tables";

/*
 * Objects → tuples. An instance only reads an object's type and its values of a few properties, so objects are grouped
 * in SQL by their "tuple": the type and, for each property some instance reads, the value restricted to what the
 * instances name (values no instance names are left out — they cannot make a condition hold). All objects of a tuple
 * match the same instances; which ones (the tuple's "vector") is decided once per tuple, in memory.
 */

/**
 * How a property's value enters a tuple, as small integers (a tuple is an `int[]`: cheap to hash when grouping a
 * million objects, and light to send both ways):
 * - `code`: single-valued, named by strings only (choices, relations, text) — the position of the value among the
 *   named ones, found by one `->>` in a JSON map of positions;
 * - `choice`: single-valued, named by other values (numbers, yes/no) — the position of the equal named value;
 * - `mask`: multi-valued — one bit per named value the array holds, 31 to an integer.
 * A value none of the instances names is left out (null, or no bit): it cannot make a condition hold.
 */
type Encoding = "code" | "choice" | "mask";

/** A property some instance reads. */
interface RelevantProperty {
  id: string;
  encoding: Encoding;
  /** The values named, in code (or bit) order. */
  values: ComparableValue[];
}

const bitsPerMask = 31;

export interface ObjectTuple {
  /** The tuple as SQL computes it (`array[type, code…]`): joins back to the groups and the objects. */
  key: (number | null)[];
  type: ObjectType;
  organizationScoped: number;
  siteScoped: number;
  /** Some of its site-scoped groups keep their owner (a class member who may reach them through ownership alone). */
  ownedSiteScoped: boolean;
  /** Objects private to their owner, for owners who are members of some class. */
  privateByOwner: Map<string, number>;
}

export interface TupleSet {
  /** By index: the `t` of the SQL tables. */
  tuples: ObjectTuple[];
  /** The properties whose codes the keys hold, in key order. */
  properties: RelevantProperty[];
  /** The SQL of an object's tuple. */
  keySql: SQL;
  /** Live objects of the organisation that some granting instance may match. */
  candidatesWhere: SQL;
  /** The tuples (a temporary table): `k` the key, `t` the index. */
  tupleTable: SQL;
  /**
   * The site-scoped and private candidates grouped, a subquery to read `as g`: `t` the tuple, `scope`, `owner` (a
   * class member, when they could reach the objects through ownership alone), `sites` (the scope sites of site-scoped
   * objects) and `n` objects.
   */
  grouped: SQL;
}

/** Beyond this many granting instances, candidates are selected by type alone (a superset, so still exact). */
const maxCandidateInstances = 64;
/** Candidates are looked up by their values when they are at most 1 in this many objects of their types. */
const selectiveShare = 5;

function relevantProperties(instances: readonly PlannedRule[]): RelevantProperty[] {
  const byId = new Map<string, { multiValued: boolean; values: Map<string, ComparableValue> }>();
  for (const condition of instances.flatMap((instance) => instance.conditions)) {
    let property = byId.get(condition.propertyId);
    if (!property) byId.set(condition.propertyId, (property = { multiValued: condition.multiValued, values: new Map() }));
    for (const value of condition.candidates) property.values.set(JSON.stringify(value), value);
  }
  return [...byId.entries()]
    .map(([id, { multiValued, values }]): RelevantProperty => {
      const named = [...values.values()];
      const encoding = multiValued ? "mask" : named.every((value) => typeof value === "string") ? "code" : "choice";
      return { id, encoding, values: named };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
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

/** An object's tuple in SQL: its type's position, then each relevant property's code(s) (see `Encoding`). */
function tupleKeySql(properties: readonly RelevantProperty[]): SQL {
  const parts: SQL[] = [sql`array_position(${sql.raw(`'{${objectTypes.join(",")}}'::object_type[]`)}, ${objects.type})`];
  for (const property of properties) {
    const value = sql`(${objects.properties} -> ${property.id}::text)`;
    if (property.encoding === "code") {
      // Properties named by strings hold strings (values are checked against their property's type when written), so
      // the value's text finds its position without a look at its JSON type: half the cost of a tuple.
      const positions = JSON.stringify(Object.fromEntries(property.values.map((value, position) => [value, position])));
      parts.push(sql`(${positions}::jsonb ->> (${objects.properties} ->> ${property.id}::text))::int`);
    } else if (property.encoding === "choice") {
      const cases = property.values.map((named, position) => sql`when ${JSON.stringify(named)}::jsonb then ${sql.raw(String(position))}`);
      parts.push(sql`(case ${value} ${sql.join(cases, sql` `)} end)`);
    } else {
      // Containment of one element, as the predicate tests a multi-valued condition; `?` is its cheaper form for a
      // string, once the value is known to be an array (on a string, `?` would compare the string itself).
      for (let first = 0; first < property.values.length; first += bitsPerMask) {
        const bits = property.values.slice(first, first + bitsPerMask).map((named, bit) => {
          const held = typeof named === "string" ? sql`${value} ? ${named}` : sql`${value} @> ${JSON.stringify([named])}::jsonb`;
          return sql`(case when ${held} then ${sql.raw(String(2 ** bit))} else 0 end)`;
        });
        parts.push(sql`(case when jsonb_typeof(${value}) = 'array' then ${sql.join(bits, sql` + `)} else 0 end)`);
      }
    }
  }
  return sql`array[${sql.join(parts, sql`, `)}]`;
}

/** Where one preview keeps its candidates, tuples and groups: temporary tables, dropped with its transaction. */
const candidatesTable = sql.raw("impact_candidates");
const tupleTable = sql.raw("impact_tuples");

/**
 * One scan of the candidates, grouped by tuple, scope, owner and scope sites: everything later steps ask of the
 * objects, except samples, is answered from these groups without reading a property again. The tuples are then
 * numbered in SQL, so that later statements name them by index rather than by key.
 */
export async function loadObjectTuples(
  db: Executor,
  organizationId: string,
  options: {
    instances: readonly PlannedRule[];
    granting: readonly PlannedRule[];
    /** The members of every class, with their sites. */
    members: readonly { id: string; siteIds: readonly string[] }[];
  },
): Promise<TupleSet> {
  const properties = relevantProperties(options.instances);
  const keySql = tupleKeySql(properties);
  const live = and(eq(objects.organizationId, organizationId), isNull(objects.trashedAt))!;
  const byValues = candidatesByValuesSql(options.granting);
  const byTypes = candidateTypesSql(options.granting);
  const selective = byValues !== undefined && (await valuesAreSelective(db, live, byValues, byTypes));
  const candidatesWhere = and(live, selective ? byValues : byTypes)!;
  // A caller's transaction around two previews would still hold the first one's tables.
  await db.execute(sql`drop table if exists ${candidatesTable}, ${tupleTable}`);
  // A plain GROUP BY, which PostgreSQL shares out between parallel workers (CREATE TABLE AS may run in parallel). The
  // owner is kept for a class member's private objects, and for their site-scoped objects on none of their sites: on
  // one of them, the member's class reaches the object through that site anyway (its sites are the members' sites).
  // Keeping every owner would split the groups by owner for nothing.
  await db.execute(sql`
    create temporary table ${candidatesTable} on commit drop as
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
  await db.execute(sql`
    create temporary table ${tupleTable} on commit drop as
    select k, (row_number() over ())::int - 1 as t,
      coalesce(sum(n) filter (where scope = 'organization'), 0)::int as organization,
      coalesce(sum(n) filter (where scope = 'sites'), 0)::int as sites,
      coalesce(bool_or(scope = 'sites' and owner is not null), false) as owned
    from ${candidatesTable}
    group by k`);
  // Organisation-scoped objects are settled from the tuples' counts: only the others are read by group.
  const grouped = sql`(select u.t, c.scope, c.owner, c.sites, c.n
    from ${candidatesTable} c join ${tupleTable} u on u.k = c.k
    where c.scope <> 'organization')`;
  const [tupleRows, privateRows] = await Promise.all([
    db.execute(sql`select t, k, organization, sites, owned from ${tupleTable}`),
    db.execute(sql`select t, owner::text as owner, sum(n)::int as n from ${grouped} as g where scope = 'owner' and owner is not null group by 1, 2`),
  ]);

  const tuples: ObjectTuple[] = [];
  for (const row of rowsOf<{ t: number; k: (number | null)[]; organization: number; sites: number; owned: boolean }>(tupleRows)) {
    tuples[row.t] = {
      key: row.k,
      type: objectTypes[row.k[0]! - 1]!,
      organizationScoped: row.organization,
      siteScoped: row.sites,
      ownedSiteScoped: row.owned,
      privateByOwner: new Map(),
    };
  }
  for (const row of rowsOf<{ t: number; owner: string; n: number }>(privateRows)) tuples[row.t]!.privateByOwner.set(row.owner, row.n);
  return { tuples, properties, keySql, candidatesWhere, tupleTable, grouped };
}

/** A position of a tuple's key after the type: a property's code, or one integer of its mask from value `first`. */
interface KeyPosition {
  property: RelevantProperty;
  first: number;
}

function keyPositions(properties: readonly RelevantProperty[]): KeyPosition[] {
  return properties.flatMap((property) =>
    property.encoding === "mask"
      ? Array.from({ length: Math.ceil(property.values.length / bitsPerMask) }, (_unused, part) => ({ property, first: part * bitsPerMask }))
      : [{ property, first: 0 }],
  );
}

/**
 * Which instances each tuple matches, as `ruleMatchesObject` (lib/authz/decide.ts) would decide for its objects —
 * through an index of the codes rather than instance by instance, since there may be tens of thousands of tuples and
 * hundreds of instances. Tuples with the same matches share a vector.
 */
export function matchVectors(tupleSet: TupleSet, instances: readonly PlannedRule[]): { vectors: number[][]; vectorOfTuple: Int32Array } {
  const positions = keyPositions(tupleSet.properties);
  const firstPosition = new Map<string, number>();
  positions.forEach((position, index) => {
    if (!firstPosition.has(position.property.id)) firstPosition.set(position.property.id, index);
  });
  // Every condition of every instance gets an id; (key position, code or bit) → the conditions it satisfies.
  const conditionInstance: number[] = [];
  const satisfiedAt: number[][][] = positions.map(() => []);
  const unconditional: number[] = [];
  instances.forEach((instance, index) => {
    if (instance.conditions.length === 0) unconditional.push(index);
    for (const condition of instance.conditions) {
      const id = conditionInstance.push(index) - 1;
      const first = firstPosition.get(condition.propertyId)!;
      const property = positions[first]!.property;
      const named = new Set(condition.candidates.map((value) => JSON.stringify(value)));
      property.values.forEach((value, valueIndex) => {
        if (!named.has(JSON.stringify(value))) return;
        const [at, slot] = property.encoding === "mask" ? [first + Math.floor(valueIndex / bitsPerMask), valueIndex % bitsPerMask] : [first, valueIndex];
        (satisfiedAt[at]![slot] ??= []).push(id);
      });
    }
  });

  const conditionStamp = new Int32Array(conditionInstance.length).fill(-1);
  const instanceStamp = new Int32Array(instances.length).fill(-1);
  const satisfiedCount = new Int32Array(instances.length);
  const vectorIndex = new Map<string, number>();
  const vectors: number[][] = [];
  const vectorOfTuple = new Int32Array(tupleSet.tuples.length);
  tupleSet.tuples.forEach((tuple, stamp) => {
    const touched: number[] = [];
    const satisfy = (ids: readonly number[] | undefined) => {
      for (const id of ids ?? []) {
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
    for (let at = 0; at < positions.length; at++) {
      const code = tuple.key[at + 1];
      if (code === null || code === undefined) continue;
      if (positions[at]!.property.encoding !== "mask") satisfy(satisfiedAt[at]![code]);
      else for (let bit = 0; code >> bit !== 0; bit++) if (code & (1 << bit)) satisfy(satisfiedAt[at]![bit]);
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
