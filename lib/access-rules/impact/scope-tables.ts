import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { intArray } from "@/db/array-parameters";
import { members, popCount } from "./bitset";
import type { ComboGains, VectorTable } from "./gains";
import type { ObjectTuple } from "./object-tuples";

/*
 * What SQL needs to decide, object by object, the objects a direction and level reaches under scope (SPEC §3):
 * - `siteSets`: per site set, its tuples and the sites (by number, `sites.number`) one of which must be among the
 *   object's scope sites;
 * - `owners`: per owner, the granting and excluded instances of their class, for objects their owner reaches.
 */

export interface SiteSet {
  id: number;
  /** The combo (position among the computed ones) it belongs to. */
  combo: number;
  /** Numbers of the sites on which some class gains on its vectors. */
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
  // Per vector, the slots it is reached at, as a bitset of its own, built from the set bits of `reachedAtSite`: one
  // step per pair (vector, slot) reached, instead of a test of every pair; the few words of a bitset are its key.
  const width = Math.ceil(gains.reachedAtSite.length / 32);
  const slotWords = new Uint32Array(table.count * width);
  gains.reachedAtSite.forEach((vectors, slot) => {
    for (const vector of members(vectors)) slotWords[vector * width + (slot >>> 5)]! |= 1 << (slot & 31);
  });
  let completeSiteScoped = 0;
  const bySlots = new Map<string, SiteSet>();
  for (const vector of members(gains.live)) {
    if (table.siteScoped[vector] === 0) continue;
    const words = slotWords.subarray(vector * width, (vector + 1) * width);
    let reached = 0;
    for (const word of words) reached += popCount(word);
    if (reached === siteCount) {
      completeSiteScoped += table.siteScoped[vector]!;
      continue;
    }
    const key = words.join(",");
    let set = bySlots.get(key);
    if (!set) bySlots.set(key, (set = { id: firstId + bySlots.size, combo, slots: [...members(words)], tuples: [], siteScoped: 0 }));
    for (const tuple of table.tuples[vector]!) if (tuples[tuple]!.siteScoped > 0) set.tuples.push(tuple);
    set.siteScoped += table.siteScoped[vector]!;
  }
  return { completeSiteScoped, siteSets: [...bySlots.values()] };
}

/**
 * Site sets as SQL reads them, a table `alias` of (`id`, `mask`, `numbers`): the numbers (`sites.number`) of the
 * sites reached, as a list and as a bit string with bit n set for site n. A few hundred bits per set, where the
 * site ids would be megabytes to send and an array to unpack for every object tested.
 */
export function siteSetMasks(sets: readonly SiteSet[], width: number, alias: string): SQL {
  const masks = sets.map((set) => siteMask(set.slots, width));
  const numbers = sets.map((set) => `"${set.slots.join(",")}"`);
  return sql`(select x.id, x.mask, string_to_array(x.numbers, ',')::int[] as numbers
    from unnest(${intArray(sets.map((set) => set.id))}, ${`{${masks.join(",")}}`}::varbit[], ${`{${numbers.join(",")}}`}::text[])
      as x(id, mask, numbers)) as ${sql.raw(alias)}`;
}

/** Whether one of an object's scope sites is reached in the site set `set` (a `siteSetMasks` row). */
export function reachedBySiteSql(set: string, numbers: SQL | AnyColumn): SQL {
  const alias = sql.raw(set);
  return someSiteAmongSql(sql`${alias}.mask`, sql`${alias}.numbers`, numbers);
}

/**
 * Whether one of the site `numbers` (an object's scope sites) is among a set of sites given both as a bit `mask` and
 * as a `list` of numbers: by bits for up to three sites, the usual case, else by the list. No subquery per object,
 * which would keep the statement out of parallel workers.
 */
export function someSiteAmongSql(mask: SQL, list: SQL, numbers: SQL | AnyColumn): SQL {
  const bit = (position: number) => sql`get_bit(${mask}, ${numbers}[${sql.raw(String(position))}]) = 1`;
  return sql`case cardinality(${numbers})
    when 1 then ${bit(1)}
    when 2 then ${bit(1)} or ${bit(2)}
    when 3 then ${bit(1)} or ${bit(2)} or ${bit(3)}
    else ${numbers} && ${list} end`;
}

/** A set of site numbers as a bit string `width` bits long, bit n set for site n: what `someSiteAmongSql` tests. */
export function siteMask(numbers: Iterable<number>, width: number): string {
  const bits = new Array<string>(width).fill("0");
  for (const number of numbers) bits[number] = "1";
  return bits.join("");
}

/** Rows sent as one JSON parameter, read back as a table `alias` with typed `columns`. */
export function recordset(rows: readonly object[], alias: string, columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${sql.raw(alias)}(${sql.raw(columns)})`;
}

/** Whether the owner (their class's row `owner`) gains on the tuple's vector `matched` through their class. */
export function reachedByOwnerSql(owner: string, matched: string): SQL {
  const [o, m] = [sql.raw(owner), sql.raw(matched)];
  return sql`coalesce(${o}.g = any(${m}) and not (${m} && ${o}.x), false)`;
}
