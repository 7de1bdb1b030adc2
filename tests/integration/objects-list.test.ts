import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { objects, objectScopeSites, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { countVisibleObjects } from "@/lib/objects/count-visible-objects";
import { listVisibleObjects, type ListVisibleObjectsInput } from "@/lib/objects/list-visible-objects";
import { referenceFromSearch } from "@/lib/objects/object-list-filters";
import { formatReference } from "@/lib/objects/object-references";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

describe("listing, searching and counting visible objects", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** Inserts objects straight into the table (many, or with chosen timestamps), scoped to the organisation. */
  async function insertObjects(
    world: ObjectsWorld,
    owner: ActingUser,
    rows: { title: string; type?: ObjectType; createdAt?: Date; scope?: "organization" | "owner" | string[]; originSiteId?: string | null }[],
  ): Promise<string[]> {
    const numbers = new Map<ObjectType, number>();
    const inserted = await db
      .insert(objects)
      .values(
        rows.map((row) => {
          const type = row.type ?? "document";
          const number = (numbers.get(type) ?? 100) + 1;
          numbers.set(type, number);
          const scope = row.scope ?? "organization";
          return {
            organizationId: world.organizationId,
            type,
            number,
            reference: formatReference(type, number),
            title: row.title,
            ownerId: owner.id,
            createdById: owner.id,
            originSiteId: row.originSiteId ?? null,
            scopeKind: Array.isArray(scope) ? ("sites" as const) : scope,
            createdAt: row.createdAt,
          };
        }),
      )
      .returning({ id: objects.id });
    const siteRows = rows.flatMap((row, index) =>
      Array.isArray(row.scope) ? row.scope.map((siteId) => ({ organizationId: world.organizationId, objectId: inserted[index]!.id, siteId })) : [],
    );
    if (siteRows.length > 0) await db.insert(objectScopeSites).values(siteRows);
    return inserted.map((row) => row.id);
  }

  async function allPages(user: ActingUser, input: ListVisibleObjectsInput): Promise<{ pages: string[][]; titles: string[] }> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = dataOf(await listVisibleObjects(db, user, { ...input, cursor }));
      pages.push(page.items.map((item) => item.title));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return { pages, titles: pages.flat() };
  }

  it("pages newest first with an opaque cursor, ties on the creation instant broken by id", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const user = await world.actor({ sites: ["Lyon"] });
    const base = Date.parse("2026-01-01T00:00:00Z");
    const sameInstant = new Date(base + 5_000);
    await insertObjects(world, user, [
      ...[0, 1, 2, 3].map((i) => ({ title: `T${i}`, createdAt: new Date(base + i * 1000) })),
      ...[0, 1, 2].map((i) => ({ title: `Tie${i}`, createdAt: sameInstant })),
    ]);

    const { pages, titles } = await allPages(user, { limit: 3 });
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(titles.slice(3)).toEqual(["T3", "T2", "T1", "T0"]);
    expect(titles.slice(0, 3).sort()).toEqual(["Tie0", "Tie1", "Tie2"]);
    expect(new Set(titles).size).toBe(7);

    // A page of exactly the rest says there is no next one.
    const exact = dataOf(await listVisibleObjects(db, user, { limit: 7 }));
    expect(exact.items).toHaveLength(7);
    expect(exact.nextCursor).toBeNull();
  });

  it("keeps microsecond creation instants apart across pages", async () => {
    const world = await ObjectsWorld.create(db);
    const user = await world.actor();
    // Created through the service: one transaction each, instants a few microseconds apart.
    for (let i = 0; i < 5; i++) await world.createObject(user, { title: `Quick ${i}` });
    const { titles } = await allPages(user, { limit: 1 });
    expect(titles).toEqual(["Quick 4", "Quick 3", "Quick 2", "Quick 1", "Quick 0"]);
  });

  it("lists only what the user may see: scope and rules, in SQL", async () => {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [{ name: "Documents and parts", level: "view_no_download", users: { all: true }, objects: { types: ["document", "part"] } }],
    });
    const owner = await world.actor({ sites: ["Lyon"] });
    const lyon = await world.actor({ role: "viewer", sites: ["Lyon"] });
    await insertObjects(world, owner, [
      { title: "Org doc" },
      { title: "Lyon doc", scope: [world.site("Lyon")] },
      { title: "Toulouse doc", scope: [world.site("Toulouse")] },
      { title: "Private doc", scope: "owner" },
      { title: "Org product", type: "product" },
      { title: "Org part", type: "part" },
    ]);
    expect((await allPages(lyon, {})).titles.sort()).toEqual(["Lyon doc", "Org doc", "Org part"]);
    // The owner is always in scope, whatever its kind.
    expect((await allPages(owner, {})).titles.sort()).toEqual(["Lyon doc", "Org doc", "Org part", "Private doc", "Toulouse doc"]);
    expect((await allPages(lyon, { type: "part" })).titles).toEqual(["Org part"]);
    // No rule covers products: the list is empty without a query, the count too.
    expect(dataOf(await listVisibleObjects(db, lyon, { type: "product" }))).toEqual({ items: [], nextCursor: null });
    expect(dataOf(await countVisibleObjects(db, lyon, { type: "product" }))).toEqual({ count: 0, capped: false, label: "0" });
    expect(dataOf(await countVisibleObjects(db, lyon, {}))).toEqual({ count: 3, capped: false, label: "3" });
  });

  it("searches titles (contains, any case, wildcards taken literally) and references", async () => {
    const world = await ObjectsWorld.create(db);
    const user = await world.actor();
    await insertObjects(world, user, [
      { title: "Hydraulic PUMP housing" },
      { title: "Pump seal 100% tested" },
      { title: "Gearbox" },
      { title: "Bracket", type: "part" },
    ]);
    expect((await allPages(user, { q: "pump" })).titles.sort()).toEqual(["Hydraulic PUMP housing", "Pump seal 100% tested"]);
    expect((await allPages(user, { q: "100%" })).titles).toEqual(["Pump seal 100% tested"]);
    expect((await allPages(user, { q: "_" })).titles).toEqual([]);
    expect((await allPages(user, { q: "DOC-000103" })).titles).toEqual(["Gearbox"]);
    expect((await allPages(user, { q: "doc-103" })).titles).toEqual(["Gearbox"]);
    expect((await allPages(user, { q: "prt 101" })).titles).toEqual(["Bracket"]);
    expect(dataOf(await countVisibleObjects(db, user, { q: "pump" })).count).toBe(2);
    expect(referenceFromSearch("mo-7")).toBe("MO-000007");
    expect(referenceFromSearch("pump")).toBeNull();
  });

  it("filters by site: objects made there (origin) or shared with it by name", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const user = await world.actor({ sites: ["Lyon", "Toulouse"] });
    const lyon = world.site("Lyon");
    const toulouse = world.site("Toulouse");
    await insertObjects(world, user, [
      { title: "Made in Lyon, shared with everyone", originSiteId: lyon },
      { title: "Made in Toulouse, shared with Lyon", originSiteId: toulouse, scope: [lyon, toulouse] },
      { title: "Made in Toulouse, for Toulouse", originSiteId: toulouse, scope: [toulouse] },
      { title: "Made nowhere, shared with everyone" },
    ]);
    expect((await allPages(user, { siteId: lyon })).titles.sort()).toEqual(["Made in Lyon, shared with everyone", "Made in Toulouse, shared with Lyon"]);
    expect(dataOf(await countVisibleObjects(db, user, { siteId: toulouse })).count).toBe(2);
  });

  it("refuses a cursor it did not make and a limit out of range; ignores empty query parameters", async () => {
    const world = await ObjectsWorld.create(db);
    const user = await world.actor();
    const bad = inEnglish(await listVisibleObjects(db, user, { cursor: "bm90IGEgY3Vyc29y" }));
    expect(bad.ok || bad.error.fields).toEqual({ cursor: "This cursor is not valid: start again from the first page." });
    const tooMany = inEnglish(await listVisibleObjects(db, user, { limit: "201" }));
    expect(tooMany.ok || tooMany.error.fields).toEqual({ limit: "Send a number from 1 to 200." });
    expect(dataOf(await listVisibleObjects(db, user, { type: "" as never, q: "", siteId: "", limit: "5" }))).toEqual({ items: [], nextCursor: null });
  });

  it("caps counts at 1,000 unless asked for the exact figure", async () => {
    const world = await ObjectsWorld.create(db);
    const user = await world.actor();
    await insertObjects(
      world,
      user,
      Array.from({ length: 1003 }, (_, i) => ({ title: `Bulk ${i}` })),
    );
    expect(dataOf(await countVisibleObjects(db, user, {}))).toEqual({ count: 1000, capped: true, label: "1,000+" });
    expect(dataOf(await countVisibleObjects(db, user, {}, { locale: "fr" })).label).toBe("1\u202f000+");
    expect(dataOf(await countVisibleObjects(db, user, { exact: true }))).toEqual({ count: 1003, capped: false, label: "1,003" });
    expect(dataOf(await countVisibleObjects(db, user, { exact: "true" }))).toMatchObject({ count: 1003 });
    expect(dataOf(await countVisibleObjects(db, user, { q: "bulk 99" }))).toEqual({ count: 11, capped: false, label: "11" });
  });
});
