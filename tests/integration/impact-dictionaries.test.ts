import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { objects, objectScopeSites, propertyMaps, sites } from "@/db/schema";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// What the database keeps for the impact preview (migration 0006), whoever writes: each object's property map (its
// distinct type and properties), the sites' numbers, and each object's scope sites by number.

async function mapOf(db: Database, id: string) {
  const [row] = await db
    .select({ mapId: objects.propertyMapId, type: objects.type, properties: objects.properties, mapType: propertyMaps.type, mapProperties: propertyMaps.properties })
    .from(objects)
    .innerJoin(propertyMaps, eq(propertyMaps.id, objects.propertyMapId))
    .where(eq(objects.id, id));
  return row!;
}

async function numbersOf(db: Database, id: string): Promise<number[]> {
  const [row] = await db.select({ numbers: objects.scopeSiteNumbers }).from(objects).where(eq(objects.id, id));
  return row!.numbers;
}

async function siteNumber(db: Database, id: string): Promise<number> {
  const [row] = await db.select({ number: sites.number }).from(sites).where(eq(sites.id, id));
  return row!.number!;
}

describe("the impact preview's dictionaries", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("numbers each organisation's sites 1, 2, 3… in creation order, and a number never changes", async () => {
    const first = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const second = await ObjectsWorld.create(db, { sites: ["Montréal"] });
    expect(await siteNumber(db, first.site("Lyon"))).toBe(1);
    expect(await siteNumber(db, first.site("Toulouse"))).toBe(2);
    expect(await siteNumber(db, second.site("Montréal"))).toBe(1);

    const several = await db
      .insert(sites)
      .values([
        { organizationId: first.organizationId, name: "Nantes" },
        { organizationId: first.organizationId, name: "Lille" },
      ])
      .returning({ number: sites.number });
    expect(several.map((row) => row.number)).toEqual([3, 4]);

    await db.update(sites).set({ number: 40, name: "Lyon Part-Dieu" }).where(eq(sites.id, first.site("Lyon")));
    expect(await siteNumber(db, first.site("Lyon"))).toBe(1);
  });

  it("gives each object the map of its type and properties, shared by equal ones, followed on every write", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const owner = await world.actor({ sites: ["Lyon"] });
    const first = await world.createObject(owner, { title: "First" });
    const second = await world.createObject(owner, { title: "Second" });
    const part = await world.createObject(owner, { type: "part", title: "Part" });

    const [firstMap, secondMap, partMap] = [await mapOf(db, first.id), await mapOf(db, second.id), await mapOf(db, part.id)];
    expect(firstMap.mapId).toBe(secondMap.mapId);
    expect(partMap.mapId).not.toBe(firstMap.mapId);
    for (const map of [firstMap, partMap]) {
      expect(map.mapType).toBe(map.type);
      expect(map.mapProperties).toEqual(map.properties);
    }

    await db.execute(sql`update objects set properties = '{"a": ["x", "y"], "b": 2}'::jsonb where id = ${first.id}`);
    const changed = await mapOf(db, first.id);
    expect(changed.mapId).not.toBe(firstMap.mapId);
    expect(changed.mapProperties).toEqual({ a: ["x", "y"], b: 2 });

    // A statement that sets the map itself is overruled: the map always follows the properties.
    await db.update(objects).set({ propertyMapId: partMap.mapId }).where(eq(objects.id, second.id));
    expect((await mapOf(db, second.id)).mapId).toBe(firstMap.mapId);

    await db.execute(sql`update objects set properties = '{}'::jsonb where id = ${first.id}`);
    expect((await mapOf(db, first.id)).mapId).toBe(firstMap.mapId);
  });

  it("keeps each object's scope sites by number, following every change of its scope", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["A", "B", "C"] });
    const owner = await world.actor({ sites: ["C", "A"] });
    const document = await world.createObject(owner, { title: "Spec" });
    expect(await numbersOf(db, document.id)).toEqual([1, 3]);

    dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: [world.site("B")], version: 1 }));
    expect(await numbersOf(db, document.id)).toEqual([2]);
    await db.insert(objectScopeSites).values({ organizationId: world.organizationId, objectId: document.id, siteId: world.site("C") });
    expect(await numbersOf(db, document.id)).toEqual([2, 3]);
    dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "organization" }));
    expect(await numbersOf(db, document.id)).toEqual([]);
  });
});
