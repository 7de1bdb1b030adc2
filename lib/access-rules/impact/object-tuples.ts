import "server-only";
import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { intArray, uuidArray } from "@/db/array-parameters";
import { objects, objectTypes, propertyMaps, type ObjectType } from "@/db/schema";
import type { PlannedCondition, PlannedRule } from "@/lib/authz/plan";
import type { ComparableValue } from "@/lib/authz/property-values";
import { viewerScopeSql, type ImpactViewer } from "./viewer";

/*
 * Objects → tuples. An instance only reads an object's type and its values of a few properties, so objects are grouped
 * by their "tuple": the type and, for each property some instance reads, the value restricted to what the instances
 * name (values no instance names are left out — they cannot make a condition hold). All objects of a tuple match the
 * same instances; which ones (the tuple's "vector") is decided once per tuple, in memory. An object's tuple is its
 * property map's (db/schema/objects.ts: the database keeps, per object, the id of its distinct type and properties),
 * so the JSON is read once per map, never per object.
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
  /** The tuple as SQL computes it (`array[type, code…]`). */
  key: (number | null)[];
  type: ObjectType;
  organizationScoped: number;
  siteScoped: number;
  /** Objects private to their owner, for owners who are members of some class. */
  privateByOwner: Map<string, number>;
}

export interface TupleSet {
  /** By index: the `t` of the SQL tables. */
  tuples: ObjectTuple[];
  /** The properties whose codes the keys hold, in key order. */
  properties: RelevantProperty[];
  /** Per tuple, its property maps (ids). */
  maps: number[][];
  tupleOfMap: Map<number, number>;
  /**
   * The organisation's live objects, those in the viewer's scope when there is one (the candidates are those whose
   * map is some tuple's).
   */
  where: SQL;
}

/** Beyond this many granting instances, candidate maps are selected by type alone (a superset, so still exact). */
const maxCandidateInstances = 64;

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

/** The same containment test as the visibility predicate (lib/authz/predicate.ts), on a property map. */
function conditionSql(condition: PlannedCondition): SQL {
  const tests = condition.candidates.map(
    (candidate) => sql`${propertyMaps.properties} @> ${JSON.stringify({ [condition.propertyId]: condition.multiValued ? [candidate] : candidate })}::jsonb`,
  );
  return tests.length === 1 ? tests[0]! : sql`(${sql.join(tests, sql` or `)})`;
}

function instanceSql(instance: PlannedRule): SQL | undefined {
  const parts: SQL[] = [];
  if (instance.types) parts.push(inArray(propertyMaps.type, [...instance.types]));
  parts.push(...instance.conditions.map(conditionSql));
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : and(...parts);
}

/** The maps any granting instance may match: by type, and by values when every granting instance names some. */
function grantingMapsSql(granting: readonly PlannedRule[]): SQL | undefined {
  if (granting.length <= maxCandidateInstances && granting.every((instance) => instance.conditions.length > 0)) {
    return or(...granting.map((instance) => instanceSql(instance)!));
  }
  if (granting.some((instance) => !instance.types)) return undefined;
  return inArray(propertyMaps.type, [...new Set(granting.flatMap((instance) => [...instance.types!]))]);
}

/** The maps one of the viewer's rules matches: the predicate's rule half (`rulesSql`) on maps; undefined: all. */
function viewableMapsSql(viewer: ImpactViewer): SQL | undefined {
  const branches = viewer.rules.map(instanceSql);
  if (branches.length === 0) return sql`false`;
  return branches.some((branch) => branch === undefined) ? undefined : or(...branches);
}

/** The candidate maps: a granting instance may match them, and the viewer, if there is one, may see their objects. */
function candidateMapsSql(granting: readonly PlannedRule[], viewer: ImpactViewer | null): SQL | undefined {
  return and(grantingMapsSql(granting), viewer ? viewableMapsSql(viewer) : undefined);
}

/** A property map's tuple in SQL: its type's position, then each relevant property's code(s) (see `Encoding`). */
function tupleKeySql(properties: readonly RelevantProperty[]): SQL {
  const parts: SQL[] = [sql`array_position(${sql.raw(`'{${objectTypes.join(",")}}'::object_type[]`)}, ${propertyMaps.type})`];
  for (const property of properties) {
    const value = sql`(${propertyMaps.properties} -> ${property.id}::text)`;
    if (property.encoding === "code") {
      // Properties named by strings hold strings (values are checked against their property's type when written), so
      // the value's text finds its position without a look at its JSON type.
      const positions = JSON.stringify(Object.fromEntries(property.values.map((value, position) => [value, position])));
      parts.push(sql`(${positions}::jsonb ->> (${propertyMaps.properties} ->> ${property.id}::text))::int`);
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

/**
 * The tuples of the candidate maps (those some granting instance may match, among those the viewer may see), numbered
 * in row order, with their objects — in the viewer's scope — counted per scope. Three statements, each in parallel
 * workers: the candidate maps grouped by tuple; the live objects counted per map (from objects_live_impact_idx, without
 * reading the table); the private objects of class members, per map and owner. Later statements name an object's
 * tuple through its map, sent as parameters (`mapTupleTable`): a temporary table would keep every statement that reads
 * it out of parallel workers.
 */
export async function loadObjectTuples(
  db: Executor,
  organizationId: string,
  options: {
    instances: readonly PlannedRule[];
    granting: readonly PlannedRule[];
    /** The members of every class. */
    members: readonly { id: string }[];
    /** Whose view the objects are restricted to; null: every object. */
    viewer: ImpactViewer | null;
  },
): Promise<TupleSet> {
  const properties = relevantProperties(options.instances);
  const where = and(eq(objects.organizationId, organizationId), isNull(objects.trashedAt), options.viewer ? viewerScopeSql(options.viewer) : undefined)!;
  const keyRows = await db.execute(sql`
    select k, array_agg(map) as maps
    from (
      select ${propertyMaps.id} as map, ${tupleKeySql(properties)} as k
      from ${propertyMaps}
      where ${and(eq(propertyMaps.organizationId, organizationId), candidateMapsSql(options.granting, options.viewer))}) as keyed
    group by k`);
  const [counts] = rowsOf<{ maps: number[] | null; organization: number[] | null; sites: number[] | null }>(
    await db.execute(sql`
      select array_agg(map) as maps, array_agg(organization) as organization, array_agg(sites) as sites
      from (
        select ${objects.propertyMapId} as map,
          count(*) filter (where ${objects.scopeKind} = 'organization')::int as organization,
          count(*) filter (where ${objects.scopeKind} = 'sites')::int as sites
        from ${objects}
        where ${where}
        group by 1) as counted`),
  );
  // Private objects are kept by owner when the owner is a class member, the only users who may reach them.
  const privateRows = await db.execute(sql`
    select ${objects.propertyMapId} as map, ${objects.ownerId}::text as owner, count(*)::int as n
    from ${objects}
    where ${where} and ${objects.scopeKind} = 'owner' and ${objects.ownerId} = any(${uuidArray(options.members.map((member) => member.id))})
    group by 1, 2`);

  const tuples: ObjectTuple[] = [];
  const maps: number[][] = [];
  const tupleOfMap = new Map<number, number>();
  for (const row of rowsOf<{ k: (number | null)[]; maps: number[] }>(keyRows)) {
    const index = tuples.push({ key: row.k, type: objectTypes[row.k[0]! - 1]!, organizationScoped: 0, siteScoped: 0, privateByOwner: new Map() }) - 1;
    maps.push(row.maps);
    for (const map of row.maps) tupleOfMap.set(map, index);
  }
  counts?.maps?.forEach((map, at) => {
    const tuple = tupleOfMap.get(map);
    if (tuple === undefined) return;
    tuples[tuple]!.organizationScoped += counts.organization![at]!;
    tuples[tuple]!.siteScoped += counts.sites![at]!;
  });
  for (const row of rowsOf<{ map: number; owner: string; n: number }>(privateRows)) {
    const tuple = tupleOfMap.get(row.map);
    if (tuple === undefined) continue;
    const owned = tuples[tuple]!.privateByOwner;
    owned.set(row.owner, (owned.get(row.owner) ?? 0) + row.n);
  }
  return { tuples, properties, maps, tupleOfMap, where };
}

/**
 * The maps of some tuples, as a table `alias` of (`map`, `t`) sent as two array parameters: joined on
 * `objects.property_map_id`, it gives each object of those tuples its tuple.
 */
export function mapTupleTable(tupleSet: TupleSet, tuples: Iterable<number>, alias: string): SQL {
  const mapIds: number[] = [];
  const tupleIds: number[] = [];
  for (const tuple of tuples) {
    for (const map of tupleSet.maps[tuple]!) {
      mapIds.push(map);
      tupleIds.push(tuple);
    }
  }
  return sql`unnest(${intArray(mapIds)}, ${intArray(tupleIds)}) as ${sql.raw(alias)}(map, t)`;
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
  // Per type, the unconditional instances that apply to it, and whether each instance does: decided once, not per
  // tuple. The loop below allocates nothing but the matched list — it runs for every tuple, up to a few hundred
  // thousand times.
  const typeMatches = new Map(objectTypes.map((type) => [type, instances.map((instance) => instance.types?.has(type) ?? true)]));
  const unconditionalOf = new Map(objectTypes.map((type) => [type, unconditional.filter((index) => typeMatches.get(type)![index])]));
  const conditionCount = instances.map((instance) => instance.conditions.length);
  const touched: number[] = [];
  let stamp = 0;
  const satisfy = (ids: readonly number[] | undefined) => {
    if (!ids) return;
    for (const id of ids) {
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
  for (; stamp < tupleSet.tuples.length; stamp++) {
    const tuple = tupleSet.tuples[stamp]!;
    touched.length = 0;
    for (let at = 0; at < positions.length; at++) {
      const code = tuple.key[at + 1];
      if (code === null || code === undefined) continue;
      if (positions[at]!.property.encoding !== "mask") satisfy(satisfiedAt[at]![code]);
      else for (let bit = 0; code >> bit !== 0; bit++) if (code & (1 << bit)) satisfy(satisfiedAt[at]![bit]);
    }
    const applies = typeMatches.get(tuple.type)!;
    const matched = unconditionalOf.get(tuple.type)!.slice();
    for (const index of touched) if (satisfiedCount[index] === conditionCount[index] && applies[index]) matched.push(index);
    matched.sort((a, b) => a - b);
    const key = matched.join(",");
    let vector = vectorIndex.get(key);
    if (vector === undefined) {
      vector = vectors.push(matched) - 1;
      vectorIndex.set(key, vector);
    }
    vectorOfTuple[stamp] = vector;
  }
  return { vectors, vectorOfTuple };
}
