import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { uuidArray } from "@/db/array-parameters";
import { hasBit } from "./bitset";
import { reachedSites, type ComboGains, type VectorTable } from "./gains";
import type { ObjectTuple } from "./object-tuples";

/*
 * What SQL needs to decide, group by group, the objects a direction and level reaches under scope (SPEC §3):
 * - `tuples`: the tuples to look at, each with its vector (the instances it matches, `m`) and its site set;
 * - `siteSets`: per site set, the sites one of which must be among the object's scope sites ("inside"), or — when
 *   that is the shorter list — the sites that are not enough ("outside": some scope site must be elsewhere);
 * - `owners`: per owner, the granting and excluded instances of their class, for objects their owner reaches.
 */

export interface SiteSet {
  id: number;
  /** The combo (position among the computed ones) it belongs to. */
  combo: number;
  /** Site slots on which some class gains on its vectors. */
  slots: number[];
  /** Tuples with site-scoped objects whose vectors reach exactly these slots. */
  tuples: number[];
  siteScoped: number;
}

/** A class member, with their class's instances: what SQL needs to tell whether an object's owner reaches it. */
export interface OwnerClassRow {
  /** The combo (position among the computed ones). */
  c: number;
  owner: string;
  /** The granting instance. */
  g: number;
  /** The excluded instances. */
  x: number[];
}

/**
 * Groups the live vectors of one combo by the sites they are reached at: every site (all their site-scoped objects
 * are reached — a site-scoped object has at least one scope site, as the scope service guarantees) or some (their
 * site-scoped objects are decided in SQL, by site set).
 */
export function siteSetsOf(
  gains: ComboGains,
  table: VectorTable,
  tuples: readonly ObjectTuple[],
  combo: number,
  siteCount: number,
  firstId: number,
): { completeSiteScoped: number; siteSets: SiteSet[] } {
  let completeSiteScoped = 0;
  const bySlots = new Map<string, SiteSet>();
  for (let vector = 0; vector < table.count; vector++) {
    if (!hasBit(gains.live, vector) || table.siteScoped[vector] === 0) continue;
    const slots = reachedSites(gains, vector);
    if (slots.length === siteCount) {
      completeSiteScoped += table.siteScoped[vector]!;
      continue;
    }
    const key = slots.join(",");
    let set = bySlots.get(key);
    if (!set) bySlots.set(key, (set = { id: firstId + bySlots.size, combo, slots, tuples: [], siteScoped: 0 }));
    for (const tuple of table.tuples[vector]!) if (tuples[tuple]!.siteScoped > 0) set.tuples.push(tuple);
    set.siteScoped += table.siteScoped[vector]!;
  }
  return { completeSiteScoped, siteSets: [...bySlots.values()] };
}

/**
 * Site sets as SQL reads them, a table with `id`, `inside` and `sites`: "one of these sites" (inside) or "some site
 * other than these" (outside), whichever list is shorter. The sites travel as slots (small numbers) and become ids in
 * SQL: thousands of sets of dozens of sites would otherwise be megabytes of ids to send and parse. Read it through a
 * MATERIALIZED CTE, or PostgreSQL computes the ids again for each row the sites are compared with.
 */
export function siteSetTable(sets: readonly SiteSet[], siteIds: readonly string[]): SQL {
  const rows = sets.map((set) => {
    const inside = set.slots.length * 2 <= siteIds.length;
    const reached = new Set(set.slots);
    return { id: set.id, inside, slots: inside ? set.slots : siteIds.flatMap((_site, slot) => (reached.has(slot) ? [] : [slot])) };
  });
  return sql`(select x.id, x.inside, array(select (${uuidArray(siteIds)})[slot + 1] from unnest(x.slots) as slot) as sites
    from ${recordset(rows, "x", "id int, inside boolean, slots int[]")})`;
}

/** Rows sent as one JSON parameter, read back as a table `alias` with typed `columns`. */
export function recordset(rows: readonly object[], alias: string, columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(alias)}(${sql.raw(columns)})`;
}

/** Whether the scope sites `sites` (an object's or a group's) include one of the site set `set` (a `siteSetTable` row). */
export function reachedBySiteSql(set: string, sites: SQL | AnyColumn): SQL {
  const alias = sql.raw(set);
  return sql`case when ${alias}.inside then ${sites} && ${alias}.sites else not (${sites} <@ ${alias}.sites) end`;
}

/** Whether the owner (their class's row `owner`) gains on the tuple's vector `matched` through their class. */
export function reachedByOwnerSql(owner: string, matched: string): SQL {
  const [o, m] = [sql.raw(owner), sql.raw(matched)];
  return sql`coalesce(${o}.g = any(${m}) and not (${m} && ${o}.x), false)`;
}
