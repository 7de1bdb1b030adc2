import "server-only";
import { or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { objects, type ObjectType } from "@/db/schema";
import { hasBit } from "./bitset";
import type { ComboGains, VectorTable } from "./gains";
import { uuidArray, type ObjectTuple, type TupleSet } from "./object-tuples";
import { reachedByOwnerSql, reachedBySiteSql, recordset, siteSetRow, type OwnerClassRow, type SiteSet } from "./scope-tables";

/*
 * The objects one direction and level reaches, under scope. Organisation-scoped objects of live vectors, site-scoped
 * ones of vectors reached at every site and private ones (through their owner) are counted from the tuples. The
 * site-scoped objects of vectors reached at some sites only are decided object by object in SQL, per site set, by the
 * cheaper of:
 * - "by tuples": the objects of the set's tuples (found through the indexes when they are few), each checked
 *   for a scope site among the reaching ones or an owner who gains;
 * - "by complement": when the sites that do not reach are the few, the objects there whose every scope site is among
 *   them and whose owner does not gain — the unreached ones — found through the scope-sites index.
 */

export interface ObjectPass {
  db: Executor;
  tupleSet: TupleSet;
  vectors: readonly number[][];
  vectorOfTuple: Int32Array;
  table: VectorTable;
  /** Site ids by slot. */
  siteIds: readonly string[];
  multiValued: (propertyId: string) => boolean;
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

const tupleColumns = "k jsonb, c int, gid int, m int[]";
const siteSetColumns = "id int, inside boolean, sites uuid[]";
const ownerColumns = "c int, owner uuid, g int, x int[]";
/** Beyond this many distinct value combinations, objects are found by scanning the candidates instead of by index. */
const maxIndexedTuples = 300;
/** Objects are found by index when they are at most 1 in this many candidates. */
const indexedShare = 10;
const sampleSize = 5;

function matchedBy(pass: ObjectPass, tuple: number): readonly number[] {
  return pass.vectors[pass.vectorOfTuple[tuple]!]!;
}

function setTupleRows(pass: ObjectPass, sets: readonly SiteSet[]) {
  return sets.flatMap((set) => set.tuples.map((tuple) => ({ k: pass.tupleSet.tuples[tuple]!.key, c: set.combo, gid: set.id, m: matchedBy(pass, tuple) })));
}

/** A superset of the objects of these tuples that the planner can find through the indexes; undefined: scan. */
function tuplesLookupSql(pass: ObjectPass, tuples: readonly ObjectTuple[]): SQL | undefined {
  const arms = new Map<string, SQL>();
  for (const tuple of tuples) {
    const contained = Object.fromEntries(
      Object.entries(tuple.values).map(([propertyId, value]) => [propertyId, pass.multiValued(propertyId) && !Array.isArray(value) ? [value] : value]),
    );
    const key = JSON.stringify([tuple.type, contained]);
    if (arms.has(key)) continue;
    if (arms.size === maxIndexedTuples) return undefined;
    arms.set(
      key,
      Object.keys(contained).length > 0
        ? sql`(${objects.type} = ${tuple.type} and ${objects.properties} @> ${JSON.stringify(contained)}::jsonb)`
        : sql`${objects.type} = ${tuple.type}`,
    );
  }
  return or(...arms.values());
}

async function reachedByTuples(pass: ObjectPass, sets: readonly SiteSet[], owners: readonly OwnerClassRow[]): Promise<Map<number, number>> {
  if (sets.length === 0) return new Map();
  // Through the indexes only when the sets hold a small share of the candidates: looking up most of them costs more
  // than scanning them all.
  const wanted = sets.reduce((sum, set) => sum + set.siteScoped, 0);
  const candidates = pass.tupleSet.tuples.reduce((sum, tuple) => sum + tuple.organizationScoped + tuple.siteScoped, 0);
  const lookup = wanted * indexedShare <= candidates ? tuplesLookupSql(pass, sets.flatMap((set) => set.tuples.map((tuple) => pass.tupleSet.tuples[tuple]!))) : undefined;
  const rows = rowsOf<{ gid: number; n: number }>(
    await pass.db.execute(sql`
      with tt as (select * from ${recordset(setTupleRows(pass, sets), "x", tupleColumns)}),
        gs as (select * from ${recordset(sets.map((set) => siteSetRow(set, pass.siteIds)), "x", siteSetColumns)}),
        oc as (select * from ${recordset(owners, "x", ownerColumns)})
      select tt.gid, count(*)::int as n
      from ${objects}
      join tt on tt.k = ${pass.tupleSet.keySql}
      join gs on gs.id = tt.gid
      left join oc on oc.c = tt.c and oc.owner = ${objects.ownerId}
      where ${pass.tupleSet.candidatesWhere} and ${objects.scopeKind} = 'sites' ${lookup ? sql`and ${lookup}` : sql``}
        and (${reachedByOwnerSql("oc", "tt.m")} or ${reachedBySiteSql("gs")})
      group by tt.gid`),
  );
  return new Map(rows.map((row) => [row.gid, row.n]));
}

async function reachedByComplement(pass: ObjectPass, sets: readonly SiteSet[], owners: readonly OwnerClassRow[]): Promise<Map<number, number>> {
  if (sets.length === 0) return new Map();
  const siteSets = sets.map((set) => siteSetRow(set, pass.siteIds, "outside"));
  const pairs = siteSets.flatMap((set) => set.sites.map((site) => ({ gid: set.id, site })));
  const rows = rowsOf<{ gid: number; n: number }>(
    await pass.db.execute(sql`
      with tt as (select * from ${recordset(setTupleRows(pass, sets), "x", tupleColumns)}),
        gs as (select * from ${recordset(siteSets, "x", siteSetColumns)}),
        oc as (select * from ${recordset(owners, "x", ownerColumns)}),
        there as (
          select distinct q.gid, s.object_id
          from ${recordset(pairs, "q", "gid int, site uuid")} join object_scope_sites s on s.site_id = q.site
          offset 0)
      select there.gid, count(*)::int as n
      from there
      join ${objects} on ${objects.id} = there.object_id
      join tt on tt.gid = there.gid and tt.k = ${pass.tupleSet.keySql}
      join gs on gs.id = there.gid
      left join oc on oc.c = tt.c and oc.owner = ${objects.ownerId}
      where ${pass.tupleSet.candidatesWhere} and ${objects.scopeKind} = 'sites'
        and not ${reachedBySiteSql("gs")} and not ${reachedByOwnerSql("oc", "tt.m")}
      group by there.gid`),
  );
  const unreached = new Map(rows.map((row) => [row.gid, row.n]));
  return new Map(sets.map((set) => [set.id, set.siteScoped - (unreached.get(set.id) ?? 0)]));
}

/** Scope rows per site, for the sites that would be read "by complement". */
async function scopeRowsAt(db: Executor, siteIds: readonly string[]): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = rowsOf<{ site_id: string; n: number }>(
    await db.execute(sql`select site_id::text as site_id, count(*)::int as n from object_scope_sites
      where site_id = any(${uuidArray(siteIds)}::uuid[]) group by site_id`),
  );
  return new Map(rows.map((row) => [row.site_id, row.n]));
}

/** How site sets are decided: the cheaper way for each (the default), or always one way (both are exact; for tests). */
export type SiteSetStrategy = "cheaper" | "by-tuples" | "by-complement";

async function complementSets(pass: ObjectPass, sets: readonly SiteSet[], strategy: SiteSetStrategy): Promise<Set<SiteSet>> {
  if (strategy !== "cheaper") return new Set(strategy === "by-complement" ? sets : []);
  const outside = sets.filter((set) => !siteSetRow(set, pass.siteIds).inside);
  const rowsAt = await scopeRowsAt(pass.db, [...new Set(outside.flatMap((set) => siteSetRow(set, pass.siteIds).sites))]);
  return new Set(outside.filter((set) => siteSetRow(set, pass.siteIds).sites.reduce((sum, site) => sum + (rowsAt.get(site) ?? 0), 0) < set.siteScoped));
}

/** Per site set (by id), the site-scoped objects reached. */
export async function reachedInSiteSets(pass: ObjectPass, works: readonly ComboWork[], strategy: SiteSetStrategy): Promise<Map<number, number>> {
  const sets = works.flatMap((work) => work.siteSets);
  if (sets.length === 0) return new Map();
  const owners = works.flatMap((work) => work.owners);
  const byComplement = await complementSets(pass, sets, strategy);
  const [tuplesCounts, complementCounts] = await Promise.all([
    reachedByTuples(
      pass,
      sets.filter((set) => !byComplement.has(set)),
      owners,
    ),
    reachedByComplement(pass, [...byComplement], owners),
  ]);
  return new Map([...tuplesCounts, ...complementCounts]);
}

interface SampleTuple {
  k: unknown[];
  gid: number | null;
  complete: boolean;
  m: readonly number[];
  /** Objects reached without a look at their sites or owner: organisation-scoped, or site-scoped of a complete tuple. */
  plain: number;
}

async function sampleQuery(pass: ObjectPass, work: ComboWork, visibleWhere: SQL, tuples: readonly SampleTuple[], plainOnly: boolean) {
  const reached = plainOnly
    ? sql`(${objects.scopeKind} = 'organization' or (${objects.scopeKind} = 'sites' and st.complete))`
    : sql`(${objects.scopeKind} = 'organization'
        or (${objects.scopeKind} = 'sites' and (st.complete or (gs.id is not null and ${reachedBySiteSql("gs")})))
        or ${reachedByOwnerSql("oc", "st.m")})`;
  return rowsOf<ImpactSampleObject>(
    await pass.db.execute(sql`
      with st as (select * from ${recordset(tuples.map(({ k, gid, complete, m }) => ({ k, gid, complete, m })), "x", "k jsonb, gid int, complete boolean, m int[]")}),
        gs as (select * from ${recordset(plainOnly ? [] : work.siteSets.map((set) => siteSetRow(set, pass.siteIds)), "x", siteSetColumns)}),
        oc as (select * from ${recordset(plainOnly ? [] : work.owners, "x", ownerColumns)})
      select ${objects.id} as id, ${objects.type} as type, ${objects.reference} as reference, ${objects.title} as title
      from ${objects}
      join st on st.k = ${pass.tupleSet.keySql}
      left join gs on gs.id = st.gid
      left join oc on oc.owner = ${objects.ownerId}
      where ${pass.tupleSet.candidatesWhere} and ${visibleWhere} and ${reached}
      limit ${sampleSize}`),
  );
}

/**
 * Up to five objects the combo reaches, among the objects `visibleWhere` lets through (the previewing Admin's). Most
 * changes reach many objects without a look at sites or owners: those are tried first, from the richest tuples, and
 * the exact query over every live tuple only runs when that finds fewer than five.
 */
export async function sampleObjects(pass: ObjectPass, work: ComboWork, visibleWhere: SQL): Promise<ImpactSampleObject[]> {
  const setOfTuple = new Map<number, number>();
  for (const set of work.siteSets) for (const tuple of set.tuples) setOfTuple.set(tuple, set.id);
  const live: SampleTuple[] = pass.tupleSet.tuples.flatMap((tuple, index) => {
    if (!hasBit(work.gains.live, pass.vectorOfTuple[index]!)) return [];
    const complete = tuple.siteScoped > 0 && !setOfTuple.has(index);
    return [{ k: tuple.key, gid: setOfTuple.get(index) ?? null, complete, m: matchedBy(pass, index), plain: tuple.organizationScoped + (complete ? tuple.siteScoped : 0) }];
  });
  const richest = live.filter((tuple) => tuple.plain > 0).sort((a, b) => b.plain - a.plain).slice(0, maxIndexedTuples);
  let rows = richest.length > 0 ? await sampleQuery(pass, work, visibleWhere, richest, true) : [];
  if (rows.length < sampleSize && live.length > 0) rows = await sampleQuery(pass, work, visibleWhere, live, false);
  return rows.sort((a, b) => a.reference.localeCompare(b.reference));
}
