import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { intArray } from "@/db/array-parameters";
import { objects, type ObjectType } from "@/db/schema";
import { hasBit } from "./bitset";
import type { ComboGains, VectorTable } from "./gains";
import type { TupleSet } from "./object-tuples";
import { reachedByOwnerSql, reachedBySiteSql, recordset, siteSetTable, type OwnerClassRow, type SiteSet } from "./scope-tables";

/*
 * The objects one direction and level reaches, under scope. Organisation-scoped objects of live vectors, site-scoped
 * ones of vectors reached at every site and private ones (through their owner) are counted from the tuples. The
 * site-scoped objects of vectors reached at some sites only are decided in SQL, per site set, from the grouped
 * candidates (object-tuples.ts): a group is reached when one of its scope sites is among the set's, or its owner gains.
 */

export interface ObjectPass {
  db: Executor;
  tupleSet: TupleSet;
  vectors: readonly number[][];
  vectorOfTuple: Int32Array;
  table: VectorTable;
  /** Site ids by slot. */
  siteIds: readonly string[];
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

/**
 * Per site set (by id), the site-scoped objects reached. Tuples travel by index; the instances a tuple matches only
 * for the tuples whose groups keep an owner, the only ones the owner test reads.
 */
export async function reachedInSiteSets(pass: ObjectPass, works: readonly ComboWork[]): Promise<Map<number, number>> {
  const sets = works.flatMap((work) => work.siteSets);
  if (sets.length === 0) return new Map();
  const placed = sets.flatMap((set) => set.tuples.map((tuple) => ({ tuple, set })));
  const owned = [...new Set(placed.flatMap(({ tuple }) => (pass.tupleSet.tuples[tuple]!.ownedSiteScoped ? [tuple] : [])))];
  const grouped = pass.tupleSet.grouped;
  const rows = rowsOf<{ gid: number; n: number }>(
    await pass.db.execute(sql`
      with ts as (
          select * from unnest(${intArray(placed.map(({ tuple }) => tuple))}, ${intArray(placed.map(({ set }) => set.id))},
            ${intArray(placed.map(({ set }) => set.combo))}) as x(t, gid, c)),
        tm as (select * from ${recordset(owned.map((tuple) => ({ t: tuple, m: matchedBy(pass, tuple) })), "x", "t int, m int[]")}),
        gs as materialized (select * from ${siteSetTable(sets, pass.siteIds)} as g),
        oc as (select * from ${recordset(works.flatMap((work) => work.owners), "x", ownerColumns)})
      select ts.gid, sum(g.n)::int as n
      from ${grouped} as g
      join ts on ts.t = g.t
      join gs on gs.id = ts.gid
      left join tm on tm.t = g.t
      left join oc on oc.c = ts.c and oc.owner = g.owner
      where g.scope = 'sites' and (${reachedByOwnerSql("oc", "tm.m")} or ${reachedBySiteSql("gs", sql`g.sites`)})
      group by ts.gid`),
  );
  return new Map(rows.map((row) => [row.gid, row.n]));
}

interface SampleTuple {
  t: number;
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
        or (${objects.scopeKind} = 'sites' and (st.complete or (gs.id is not null and ${reachedBySiteSql("gs", objects.scopeSiteIds)})))
        or ${reachedByOwnerSql("oc", "st.m")})`;
  return rowsOf<ImpactSampleObject>(
    await pass.db.execute(sql`
      with st as (select * from ${recordset(tuples.map(({ t, gid, complete, m }) => ({ t, gid, complete, m })), "x", "t int, gid int, complete boolean, m int[]")}),
        gs as materialized (select * from ${siteSetTable(plainOnly ? [] : work.siteSets, pass.siteIds)} as g),
        oc as (select * from ${recordset(plainOnly ? [] : work.owners, "x", ownerColumns)})
      select ${objects.id} as id, ${objects.type} as type, ${objects.reference} as reference, ${objects.title} as title
      from ${objects}
      join ${pass.tupleSet.tupleTable} u on u.k = ${pass.tupleSet.keySql}
      join st on st.t = u.t
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
    return [{ t: index, gid: setOfTuple.get(index) ?? null, complete, m: matchedBy(pass, index), plain: tuple.organizationScoped + (complete ? tuple.siteScoped : 0) }];
  });
  const richest = live.filter((tuple) => tuple.plain > 0).sort((a, b) => b.plain - a.plain).slice(0, maxSampledTuples);
  let rows = richest.length > 0 ? await sampleQuery(pass, work, visibleWhere, richest, true) : [];
  if (rows.length < sampleSize && live.length > 0) rows = await sampleQuery(pass, work, visibleWhere, live, false);
  return rows.sort((a, b) => a.reference.localeCompare(b.reference));
}
