import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf, type Database } from "@/db/client";
import { objects, objectScopeSites } from "@/db/schema";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// objects.scope_site_ids is the database's sorted copy of object_scope_sites (migration 0005): whatever writes the
// join table — a service, a seed, a raw statement — the copy follows within the same statement.

async function copyOf(db: Database, id: string): Promise<string[]> {
  const [row] = await db.select({ ids: objects.scopeSiteIds }).from(objects).where(eq(objects.id, id));
  return row!.ids;
}

async function joinRowsOf(db: Database, id: string): Promise<string[]> {
  const rows = await db.select({ siteId: objectScopeSites.siteId }).from(objectScopeSites).where(eq(objectScopeSites.objectId, id));
  return rows.map((row) => row.siteId).sort();
}

describe("objects.scope_site_ids", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("follows the services: creation on the creator's sites, then each change of scope", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"], rules: [{ level: "full", users: { all: true } }] });
    const owner = await world.actor({ sites: ["Lyon", "Montréal"] });
    const document = await world.createObject(owner, { title: "Spec" });
    const [lyon, toulouse, montreal] = [world.site("Lyon"), world.site("Toulouse"), world.site("Montréal")];
    expect(await copyOf(db, document.id)).toEqual([lyon, montreal].sort());

    dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: [toulouse], version: 1 }));
    expect(await copyOf(db, document.id)).toEqual([toulouse]);
    dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "organization" }));
    expect(await copyOf(db, document.id)).toEqual([]);
  });

  it("follows raw inserts, updates and deletes of several objects in one statement", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["A", "B", "C"], rules: [{ level: "full", users: { all: true } }] });
    const owner = await world.actor({ sites: ["A"] });
    const first = await world.createObject(owner, { title: "First" });
    const second = await world.createObject(owner, { title: "Second" });
    const [a, b, c] = [world.site("A"), world.site("B"), world.site("C")];
    const row = (objectId: string, siteId: string) => ({ organizationId: world.organizationId, objectId, siteId });

    await db.insert(objectScopeSites).values([row(first.id, c), row(first.id, b), row(second.id, c)]);
    expect(await copyOf(db, first.id)).toEqual([a, b, c].sort());
    expect(await copyOf(db, second.id)).toEqual([a, c].sort());

    await db.update(objectScopeSites).set({ objectId: second.id }).where(and(eq(objectScopeSites.objectId, first.id), eq(objectScopeSites.siteId, b)));
    expect(await copyOf(db, first.id)).toEqual([a, c].sort());
    expect(await copyOf(db, second.id)).toEqual([a, b, c].sort());

    await db.delete(objectScopeSites).where(inArray(objectScopeSites.objectId, [first.id, second.id]));
    expect(await copyOf(db, first.id)).toEqual([]);
    expect(await copyOf(db, second.id)).toEqual([]);

    for (const id of [first.id, second.id]) expect(await copyOf(db, id)).toEqual(await joinRowsOf(db, id));
  });

  it("leaves an object's row alone when a statement does not change its sites", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["A", "B"], rules: [{ level: "full", users: { all: true } }] });
    const owner = await world.actor({ sites: ["A"] });
    const document = await world.createObject(owner, { title: "Kept" });
    const xmin = async () => rowsOf<{ xmin: string }>(await db.execute(sql`select xmin::text from objects where id = ${document.id}`))[0]!.xmin;
    const before = await xmin();
    await db.update(objectScopeSites).set({ siteId: world.site("A") }).where(eq(objectScopeSites.objectId, document.id));
    expect(await xmin()).toBe(before);
  });

  it("equals the join table for every object of the database", async () => {
    const differing = rowsOf<{ id: string }>(
      await db.execute(sql`
        select o.id from objects o
        where o.scope_site_ids is distinct from coalesce(
          (select array_agg(s.site_id order by s.site_id) from object_scope_sites s where s.object_id = o.id), '{}'::uuid[])`),
    );
    expect(differing).toEqual([]);
  });
});
