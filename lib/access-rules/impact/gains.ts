import { addAll, bitset, hasBit, intersects, isEmpty, members, removeAll, setBit, type Bitset } from "./bitset";
import type { ObjectTuple } from "./object-tuples";
import type { ImpactUser, UserClass } from "./user-classes";

/*
 * Classes × vectors, for one direction and level. A class gains on the vectors that hold its granting instance and
 * none of its excluded ones: with one bitset of vectors per instance, that is one AND-NOT per excluded instance, class
 * by class. What the rest of the computation needs is kept:
 * - per class, whether it gains on an organisation-scoped object (then every member gains, and nothing else is asked);
 * - per vector, whether some class gains on it (its organisation-scoped objects are then reached), and per site, the
 *   vectors some class with a member on that site gains on (a site-scoped object is reached when one of its sites is);
 * - the private objects reached, each through its owner's class.
 */

/** Vectors and tuples, shared by every direction and level. */
export interface VectorTable {
  count: number;
  /** Per instance: the vectors that hold it. */
  holding: Bitset[];
  /** Vectors with organisation-scoped objects. */
  withOrganizationObjects: Bitset;
  organizationScoped: number[];
  siteScoped: number[];
  /** Per vector: its tuples. */
  tuples: number[][];
  /** Per owner: [vector, private objects] pairs. */
  privateByOwner: Map<string, [number, number][]>;
}

export function vectorTable(vectors: readonly number[][], vectorOfTuple: Int32Array, tuples: readonly ObjectTuple[], instanceCount: number): VectorTable {
  const count = vectors.length;
  const holding = Array.from({ length: instanceCount }, () => bitset(count));
  vectors.forEach((matched, vector) => matched.forEach((instance) => setBit(holding[instance]!, vector)));
  const table: VectorTable = {
    count,
    holding,
    withOrganizationObjects: bitset(count),
    organizationScoped: new Array<number>(count).fill(0),
    siteScoped: new Array<number>(count).fill(0),
    tuples: vectors.map(() => []),
    privateByOwner: new Map(),
  };
  tuples.forEach((tuple, index) => {
    const vector = vectorOfTuple[index]!;
    table.organizationScoped[vector]! += tuple.organizationScoped;
    table.siteScoped[vector]! += tuple.siteScoped;
    table.tuples[vector]!.push(index);
    if (tuple.organizationScoped > 0) setBit(table.withOrganizationObjects, vector);
    for (const [owner, objectCount] of tuple.privateByOwner) {
      const list = table.privateByOwner.get(owner);
      if (list) list.push([vector, objectCount]);
      else table.privateByOwner.set(owner, [[vector, objectCount]]);
    }
  });
  return table;
}

export interface ComboGains {
  classes: UserClass[];
  /** Vectors some class gains on. */
  live: Bitset;
  /** Per site slot (the site's number): vectors some class with a member on that site gains on. */
  reachedAtSite: Bitset[];
  /** Members of classes that gain on an organisation-scoped object, or own a private object they gain on. */
  reachedUsers: Map<string, ImpactUser>;
  /** Classes that gain on some vector but on no organisation-scoped object, with those vectors. */
  pending: { userClass: UserClass; vectors: number[] }[];
  /** Private objects reached (through their owner). */
  privateObjects: number;
}

/** The vectors one class gains on: those holding its granting instance and none of its excluded ones. */
function classGains(table: VectorTable, userClass: UserClass): Bitset {
  const gains = table.holding[userClass.granting]!.slice();
  for (const instance of userClass.excluded) removeAll(gains, table.holding[instance]!);
  return gains;
}

/** One direction and level: the vectors each class gains on, folded into what scope resolution needs. */
export function computeGains(table: VectorTable, classes: UserClass[], siteSlot: ReadonlyMap<string, number>, slotCount: number): ComboGains {
  const result: ComboGains = {
    classes,
    live: bitset(table.count),
    reachedAtSite: Array.from({ length: slotCount }, () => bitset(table.count)),
    reachedUsers: new Map(),
    pending: [],
    privateObjects: 0,
  };
  for (const userClass of classes) {
    const gains = classGains(table, userClass);
    if (isEmpty(gains)) continue;
    addAll(result.live, gains);
    const slots = new Set(userClass.members.flatMap((user) => user.siteIds.map((site) => siteSlot.get(site)!)));
    for (const slot of slots) addAll(result.reachedAtSite[slot]!, gains);

    // A private object is reached by its owner alone: each is counted once, through its owner's class.
    for (const user of userClass.members) {
      for (const [vector, objectCount] of table.privateByOwner.get(user.id) ?? []) {
        if (!hasBit(gains, vector)) continue;
        result.privateObjects += objectCount;
        result.reachedUsers.set(user.id, user);
      }
    }
    if (intersects(gains, table.withOrganizationObjects)) {
      for (const user of userClass.members) result.reachedUsers.set(user.id, user);
    } else if (userClass.members.some((user) => !result.reachedUsers.has(user.id))) {
      result.pending.push({ userClass, vectors: [...members(gains)] });
    }
  }
  return result;
}
