// The list, search and count calls the benchmark times: the app's own services (lib/objects), which build their
// WHERE from the visibility predicate, so the benchmark measures exactly what GET /api/v1/objects runs.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { objects, users, type AccessLevel } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, type AccessSubject } from "@/lib/authz/subject";
import { countVisibleObjects, type CountVisibleObjectsInput } from "@/lib/objects/count-visible-objects";
import { listVisibleObjects, type ListVisibleObjectsInput } from "@/lib/objects/list-visible-objects";
import type { BenchHandle } from "./database";

/** The acting user a request would carry, for the services that take one. */
export async function actingUserOf(db: Database, subject: AccessSubject): Promise<ActingUser> {
  const [row] = await db
    .select({ email: users.email, name: users.name, kind: users.kind, signInMethod: users.signInMethod })
    .from(users)
    .where(and(eq(users.id, subject.id), eq(users.organizationId, subject.organizationId)));
  if (!row) throw new Error(`user ${subject.id} not found`);
  return {
    id: subject.id,
    organizationId: subject.organizationId,
    role: subject.role,
    siteIds: [...subject.siteIds],
    teamIds: [...subject.teamIds],
    properties: subject.properties,
    authzVersion: subject.authzVersion,
    usageSessionId: null,
    locale: null,
    timeZone: "UTC",
    ...row,
  };
}

/** One page, newest first, through listVisibleObjects; throws on a service error so a broken run is loud. */
export async function listPage(db: Database, user: ActingUser, input: ListVisibleObjectsInput) {
  const result = await listVisibleObjects(db, user, input);
  if (!result.ok) throw new Error(`listVisibleObjects: ${result.error.message}`);
  return result.data;
}

/** The list count through countVisibleObjects: capped at 1,000 ("1,000+") unless `exact`. */
export async function countObjects(db: Database, user: ActingUser, input: CountVisibleObjectsInput) {
  const result = await countVisibleObjects(db, user, input);
  if (!result.ok) throw new Error(`countVisibleObjects: ${result.error.message}`);
  return result.data;
}

/** The ids among `ids` the predicate lets through at `minLevel`: the cross-check of predicate ≡ decision. */
export async function visibleAmong(db: Database, subject: AccessSubject, ids: readonly string[], minLevel: AccessLevel): Promise<Set<string>> {
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, { organizationId: subject.organizationId, minLevel });
  if (filter.never || ids.length === 0) return new Set();
  const rows = await db.select({ id: objects.id }).from(objects).where(and(filter.where, inArray(objects.id, [...ids])));
  return new Set(rows.map((row) => row.id));
}

/**
 * Runs `call` with the recorder on and EXPLAIN ANALYZEs the last statement it sent, after the `SET LOCAL`s it sent
 * before it (an exact count runs in one process), in a transaction of its own.
 */
export async function explainLast(handle: BenchHandle, call: () => Promise<unknown>): Promise<string | null> {
  handle.recorder.queries = [];
  handle.recorder.on = true;
  try {
    await call();
  } finally {
    handle.recorder.on = false;
  }
  const last = handle.recorder.queries.at(-1);
  if (!last) return null;
  const settings = handle.recorder.queries.slice(0, -1).filter((query) => /^set local /i.test(query.sql));
  const plan = await handle.client.begin(async (tx) => {
    for (const setting of settings) await tx.unsafe(setting.sql, setting.params as never[]);
    return tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${last.sql}`, last.params as never[]);
  });
  return plan.map((row) => row["QUERY PLAN"]).join("\n");
}
