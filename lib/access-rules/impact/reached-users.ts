import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { ComboGains, VectorTable } from "./gains";
import { uuidArray } from "@/db/array-parameters";
import { objects } from "@/db/schema";
import { mapTupleTable, type TupleSet } from "./object-tuples";
import type { ImpactUser } from "./user-classes";

/*
 * Users of the classes that gain on no organisation-scoped object (computeGains settles everyone else): a member gains
 * when one of the class's site-scoped objects is shared with one of their sites, or they own one. One query answers
 * every such class: which of their tuples have site-scoped objects on which of the members' sites, or owned by which
 * members.
 */

export async function pendingReachedUsers(db: Executor, tupleSet: TupleSet, table: VectorTable, allGains: readonly ComboGains[]): Promise<void> {
  const pending = allGains.flatMap((gains) =>
    gains.pending.map((entry) => ({
      gains,
      tuples: entry.vectors.flatMap((vector) => table.tuples[vector]!.filter((tuple) => tupleSet.tuples[tuple]!.siteScoped > 0)),
      members: entry.userClass.members.filter((user) => !gains.reachedUsers.has(user.id)),
    })),
  ).filter((entry) => entry.tuples.length > 0 && entry.members.length > 0);
  if (pending.length === 0) return;

  const tuples = new Set(pending.flatMap((entry) => entry.tuples));
  const sites = new Set(pending.flatMap((entry) => entry.members.flatMap((user) => user.siteIds)));
  const owners = new Set(pending.flatMap((entry) => entry.members.map((user) => user.id)));
  const from = sql`${objects} join ${mapTupleTable(tupleSet, tuples, "mt")} on mt.map = ${objects.propertyMapId}`;
  const ofTuples = sql`${tupleSet.where} and ${objects.scopeKind} = 'sites'`;
  const branches: SQL[] = [];
  if (sites.size > 0) {
    branches.push(sql`
      select mt.t, 's' as kind, s.site_id::text as ref
      from ${from} cross join unnest(${objects.scopeSiteIds}) as s(site_id)
      where ${ofTuples} and s.site_id = any(${uuidArray(sites)})
      group by 1, 3`);
  }
  if (owners.size > 0) {
    branches.push(sql`
      select mt.t, 'o' as kind, ${objects.ownerId}::text as ref
      from ${from}
      where ${ofTuples} and ${objects.ownerId} = any(${uuidArray(owners)})
      group by 1, 3`);
  }
  if (branches.length === 0) return;
  const rows = rowsOf<{ t: number; kind: "s" | "o"; ref: string }>(await db.execute(sql.join(branches, sql` union all `)));

  const reach = new Map<number, { sites: Set<string>; owners: Set<string> }>();
  for (const row of rows) {
    let entry = reach.get(row.t);
    if (!entry) reach.set(row.t, (entry = { sites: new Set(), owners: new Set() }));
    (row.kind === "s" ? entry.sites : entry.owners).add(row.ref);
  }
  for (const { gains, tuples, members } of pending) {
    const sitesHit = new Set(tuples.flatMap((tuple) => [...(reach.get(tuple)?.sites ?? [])]));
    const ownersHit = new Set(tuples.flatMap((tuple) => [...(reach.get(tuple)?.owners ?? [])]));
    for (const user of members) {
      if (ownersHit.has(user.id) || user.siteIds.some((site) => sitesHit.has(site))) gains.reachedUsers.set(user.id, user as ImpactUser);
    }
  }
}
