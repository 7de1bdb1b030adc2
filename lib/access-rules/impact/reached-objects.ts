import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { intArray, uuidArray } from "@/db/array-parameters";
import { objects, type ObjectType } from "@/db/schema";
import { hasBit } from "./bitset";
import type { ComboGains, VectorTable } from "./gains";
import { mapTupleTable, type TupleSet } from "./object-tuples";
import { reachedByOwnerSql, reachedBySiteSql, recordset, siteSetMasks, type OwnerClassRow, type SiteSet } from "./scope-tables";

/*
 * The objects one direction and level reaches, under scope. Organisation-scoped objects of live vectors, site-scoped
 * ones of vectors reached at every site and private ones (through their owner) are counted from the tuples. The
 * site-scoped objects of vectors reached at some sites only are decided object by object, per site set: an object is
 * reached when one of its scope sites is among the set's, or its owner gains.
 */

export interface ObjectPass {
  db: Executor;
  tupleSet: TupleSet;
  vectors: readonly number[][];
  vectorOfTuple: Int32Array;
  table: VectorTable;
  /** One more than the highest site number: the width of the site masks. */
  siteNumberWidth: number;
}

export interface ComboWork {
  /** Position among the computed combos (the `c` of SQL rows). */
  position: number;
  gains: ComboGains;
  completeSiteScoped: number;
  siteSets: SiteSet[];
  owners: OwnerClassRow[];
}

export interface ImpactSampleObject {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
}

const ownerColumns = "c int, owner uuid, g int, x int[]";
/** At most this many tuples are named in the first try of the sample query. */
const maxSampledTuples = 300;
const sampleSize = 5;

function matchedBy(pass: ObjectPass, tuple: number): readonly number[] {
  return pass.vectors[pass.vectorOfTuple[tuple]!]!;
}

/** Whether an owner gains on a tuple matching `matched` through their class: as `reachedByOwnerSql`, in memory. */
function ownerGains(owner: OwnerClassRow, matched: readonly number[]): boolean {
  return matched.includes(owner.g) && !owner.x.some((instance) => matched.includes(instance));
}

/** Beyond this many array entries per map placed, map ids are looked up by a hash join rather than an array. */
const maxArraySpanPerMap = 4;

/**
 * The site-scoped candidates of the site sets, a FROM item `o` (`c`, `gid`, `map`, `owner`, `numbers`) joined to their
 * set `gs` (`siteSetMasks`). Each combo is one branch of a UNION ALL, scanned in parallel workers. An object finds its
 * set through its map id: in a constant array indexed by map id when the ids are dense enough (one organisation's
 * maps mostly are), else by a hash join on the maps sent as a table — which has each worker parse and hash a row per
 * map first.
 */
function placedObjects(pass: ObjectPass, sets: readonly SiteSet[]): SQL {
  const placed = new Map<number, { map: number[]; gid: number[] }>();
  let first = Infinity;
  let last = -Infinity;
  for (const set of sets) {
    let combo = placed.get(set.combo);
    if (!combo) placed.set(set.combo, (combo = { map: [], gid: [] }));
    for (const tuple of set.tuples) {
      for (const map of pass.tupleSet.maps[tuple]!) {
        combo.map.push(map);
        combo.gid.push(set.id);
        first = Math.min(first, map);
        last = Math.max(last, map);
      }
    }
  }
  const mapCount = [...placed.values()].reduce((sum, combo) => sum + combo.map.length, 0);
  const byArray = last - first + 1 <= maxArraySpanPerMap * mapCount + 65_536;
  const columns = sql`${objects.propertyMapId} as map, ${objects.ownerId} as owner, ${objects.scopeSiteNumbers} as numbers`;
  const sitesScoped = sql`${pass.tupleSet.where} and ${objects.scopeKind} = 'sites'`;
  const branches = [...placed.entries()].map(([combo, { map, gid }]) => {
    const c = sql.raw(String(combo));
    if (byArray) {
      // Set id + 1 per map id from `first`, 0 for none; an index out of the array's bounds reads as null. The array is
      // a scalar subquery, so that the workers receive it as a value rather than as a constant to parse with the plan.
      const gidOfMap = new Int32Array(last - first + 1);
      map.forEach((id, at) => (gidOfMap[id - first] = gid[at]! + 1));
      return sql`
        select ${c} as c, ((select ${intArray(gidOfMap)}))[${objects.propertyMapId} - ${sql.raw(String(first - 1))}] - 1 as gid, ${columns}
        from ${objects}
        where ${sitesScoped}`;
    }
    return sql`
      select ${c} as c, ms.gid, ${columns}
      from ${objects} join unnest(${intArray(map)}, ${intArray(gid)}) as ms(map, gid) on ms.map = ${objects.propertyMapId}
      where ${sitesScoped}`;
  });
  return sql`(${sql.join(branches, sql` union all `)}) as o join ${siteSetMasks(sets, pass.siteNumberWidth, "gs")} on gs.id = o.gid`;
}

/**
 * Per site set (by id), the site-scoped objects reached. One parallel pass tests each candidate's site numbers
 * against its set's mask and counts, by set, the objects reached by site: thousands of groups, which each worker
 * aggregates on its own. Those that fail the test but whose owner is a class member are kept by map and owner: the
 * owner may still reach them through their class, which is decided here.
 */
export async function reachedInSiteSets(pass: ObjectPass, works: readonly ComboWork[]): Promise<Map<number, number>> {
  const sets = works.flatMap((work) => work.siteSets);
  if (sets.length === 0) return new Map();
  const owners = new Map<string, OwnerClassRow>(works.flatMap((work) => work.owners.map((row) => [`${row.c}:${row.owner}`, row])));
  const ownerRows = [...owners.values()];
  const placed = placedObjects(pass, sets);
  const bySite = reachedBySiteSql("gs", sql`o.numbers`);
  // One pass: objects reached by site are counted by set alone; those that are not, but whose owner is a class
  // member, are kept by map and owner (few), for the owner test below. `o.gid is not null`, implied by the join to the
  // sets, is written out so that it reaches each branch's scan: the workers drop the objects of no set instead of
  // sending them all to the leader.
  const rows = rowsOf<{ gid: number; map: number | null; owner: string | null; n: number }>(
    await pass.db.execute(sql`
      select o.gid, case when ${bySite} then null else o.map end as map, case when ${bySite} then null else oc.owner end::text as owner,
        count(*)::int as n
      from ${placed}
      left join unnest(${intArray(ownerRows.map((row) => row.c))}, ${uuidArray(ownerRows.map((row) => row.owner))}) as oc(c, owner)
        on oc.c = o.c and oc.owner = o.owner
      where o.gid is not null and (${bySite} or oc.owner is not null)
      group by 1, 2, 3`),
  );
  const comboOfSet = new Map(sets.map((set) => [set.id, set.combo]));
  const reached = new Map<number, number>();
  for (const row of rows) {
    if (row.owner !== null) {
      const owner = owners.get(`${comboOfSet.get(row.gid)!}:${row.owner}`)!;
      if (!ownerGains(owner, matchedBy(pass, pass.tupleSet.tupleOfMap.get(row.map!)!))) continue;
    }
    reached.set(row.gid, (reached.get(row.gid) ?? 0) + row.n);
  }
  return reached;
}

interface SampleTuple {
  t: number;
  gid: number | null;
  complete: boolean;
  m: readonly number[];
  /** Objects reached without a look at their sites or owner: organisation-scoped, or site-scoped of a complete tuple. */
  plain: number;
}

async function sampleQuery(pass: ObjectPass, work: ComboWork, tuples: readonly SampleTuple[], plainOnly: boolean) {
  const reached = plainOnly
    ? sql`(${objects.scopeKind} = 'organization' or (${objects.scopeKind} = 'sites' and st.complete))`
    : sql`(${objects.scopeKind} = 'organization'
        or (${objects.scopeKind} = 'sites' and (st.complete or (gs.id is not null and ${reachedBySiteSql("gs", objects.scopeSiteNumbers)})))
        or ${reachedByOwnerSql("oc", "st.m")})`;
  return rowsOf<ImpactSampleObject>(
    await pass.db.execute(sql`
      with st as (select * from ${recordset(tuples.map(({ t, gid, complete, m }) => ({ t, gid, complete, m })), "x", "t int, gid int, complete boolean, m int[]")}),
        gs as (select * from ${siteSetMasks(plainOnly ? [] : work.siteSets, pass.siteNumberWidth, "g")}),
        oc as (select * from ${recordset(plainOnly ? [] : work.owners, "x", ownerColumns)})
      select ${objects.id} as id, ${objects.type} as type, ${objects.reference} as reference, ${objects.title} as title
      from ${objects}
      join ${mapTupleTable(pass.tupleSet, tuples.map(({ t }) => t), "mt")} on mt.map = ${objects.propertyMapId}
      join st on st.t = mt.t
      left join gs on gs.id = st.gid
      left join oc on oc.owner = ${objects.ownerId}
      where ${pass.tupleSet.where} and ${reached}
      limit ${sampleSize}`),
  );
}

/**
 * Up to five objects the combo reaches — objects the viewer can view when there is one, as the tuples hold no other.
 * Most changes reach many objects without a look at sites or owners: those are tried first, from the richest tuples,
 * and the exact query over every live tuple only runs when that finds fewer than five.
 */
export async function sampleObjects(pass: ObjectPass, work: ComboWork): Promise<ImpactSampleObject[]> {
  const setOfTuple = new Map<number, number>();
  for (const set of work.siteSets) for (const tuple of set.tuples) setOfTuple.set(tuple, set.id);
  const live: SampleTuple[] = pass.tupleSet.tuples.flatMap((tuple, index) => {
    if (!hasBit(work.gains.live, pass.vectorOfTuple[index]!)) return [];
    const complete = tuple.siteScoped > 0 && !setOfTuple.has(index);
    return [{ t: index, gid: setOfTuple.get(index) ?? null, complete, m: matchedBy(pass, index), plain: tuple.organizationScoped + (complete ? tuple.siteScoped : 0) }];
  });
  const richest = live.filter((tuple) => tuple.plain > 0).sort((a, b) => b.plain - a.plain).slice(0, maxSampledTuples);
  let rows = richest.length > 0 ? await sampleQuery(pass, work, richest, true) : [];
  if (rows.length < sampleSize && live.length > 0) rows = await sampleQuery(pass, work, live, false);
  return rows.sort((a, b) => a.reference.localeCompare(b.reference));
}
