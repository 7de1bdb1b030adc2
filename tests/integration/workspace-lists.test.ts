import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { parts } from "@/db/schema";
import { loadHome } from "@/lib/home/load-home";
import { listObjectPage } from "@/lib/objects/list-object-page";
import { listQueryToView } from "@/lib/objects/list-query-to-view";
import { changeObjectScope } from "@/lib/objects/change-object-scope";
import { recordObjectVisit } from "@/lib/objects/record-object-visit";
import { searchObjects } from "@/lib/objects/search-objects";
import { trashObject } from "@/lib/objects/trash-object";
import { createView } from "@/lib/views/create-view";
import { dataOf, inEnglish } from "../fixtures/results";
import { everyoneFull, ObjectsWorld } from "./objects-world";

describe("workspace lists, search and home", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function titles(...args: Parameters<typeof listObjectPage>): Promise<string[]> {
    return dataOf(await listObjectPage(...args)).items.map((item) => item.title);
  }

  it("lists only objects the user may see, filtered by status, owner, site and custom property, in the chosen order", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"], rules: [everyoneFull] });
    const make = await world.addProperty("part", "Make or buy", "single_choice", { labels: ["Make", "Buy"] });
    const alice = await world.actor({ role: "manager", sites: ["Lyon"], name: "Alice" });
    const bruno = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Bruno" });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const bolt = await world.createObject(alice, { type: "part", title: "Bolt", properties: { [make.id]: make.option.Buy } });
    const axle = await world.createObject(alice, { type: "part", title: "Axle", properties: { [make.id]: make.option.Make } });
    await world.createObject(bruno, { type: "part", title: "Toulouse cam" });
    await world.createObject(bruno, { type: "part", title: "Everyone's cam", scope: { kind: "organization" } });
    await db.update(parts).set({ status: "released" }).where(eq(parts.objectId, bolt.id));

    expect(await titles(db, viewer, "part", {})).toEqual(["Everyone's cam", "Axle", "Bolt"]);
    expect(await titles(db, viewer, "part", { status: "released" })).toEqual(["Bolt"]);
    expect(await titles(db, alice, "part", { owner: "me" })).toEqual(["Axle", "Bolt"]);
    expect(await titles(db, viewer, "part", { siteId: world.siteIds.Toulouse! })).toEqual(["Everyone's cam"]);
    expect(await titles(db, viewer, "part", { properties: { [make.id]: make.option.Make! } })).toEqual(["Axle"]);
    expect(await titles(db, viewer, "part", { sort: "title" })).toEqual(["Axle", "Bolt", "Everyone's cam"]);
    expect(await titles(db, viewer, "document", {})).toEqual([]);
    const drawing = await world.createObject(alice, { type: "document", title: "Drawing", scope: { kind: "organization" } });
    expect(dataOf(await listObjectPage(db, viewer, "document", { status: "draft" })).items).toMatchObject([{ id: drawing.id, status: "draft" }]);
    expect(await titles(db, viewer, "document", { status: "validated" })).toEqual([]);
    const page = dataOf(await listObjectPage(db, viewer, "part", {}));
    expect(page.count).toEqual({ count: 3, capped: false, label: "3" });
    expect(page.items.find((item) => item.id === axle.id)).toMatchObject({ ownerName: "Alice", originSiteName: "Lyon", status: "in_design" });
  });

  it("pages by keyset newest first and by position in other orders, refusing cursors it did not make", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"], rules: [everyoneFull] });
    const alice = await world.actor({ role: "manager", sites: ["Lyon"] });
    for (const title of ["C", "A", "E", "B", "D"]) await world.createObject(alice, { type: "product", title });
    const walk = async (sort?: "title") => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = dataOf(await listObjectPage(db, alice, "product", { limit: 2, sort, cursor }));
        seen.push(...page.items.map((item) => item.title));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return seen;
    };
    expect(await walk()).toEqual(["D", "B", "E", "A", "C"]);
    expect(await walk("title")).toEqual(["A", "B", "C", "D", "E"]);
    for (const cursor of ["nope", Buffer.from("o|0").toString("base64url"), Buffer.from("o|999999999").toString("base64url")]) {
      expect(inEnglish(await listObjectPage(db, alice, "product", { sort: "title", cursor }))).toMatchObject({ ok: false, error: { code: "invalid", fields: { cursor: expect.any(String) } } });
    }
    expect(inEnglish(await listObjectPage(db, alice, "product", { status: "released" }))).toMatchObject({ ok: false, error: { fields: { status: "Pick a status of this list." } } });
  });

  it("applies a saved view as a narrowing only, and never another user's personal view", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"], rules: [everyoneFull] });
    const alice = await world.actor({ role: "manager", sites: ["Lyon"] });
    const bruno = await world.actor({ role: "manager", sites: ["Lyon"] });
    await world.createObject(alice, { type: "part", title: "Alice's part" });
    await world.createObject(bruno, { type: "part", title: "Bruno's part" });
    await world.createObject(bruno, { type: "part", title: "Bruno's private part", scope: { kind: "owner" } });
    const mine = listQueryToView({ owner: "me", sort: "title" }, bruno.id);
    const view = dataOf(await createView(db, bruno, { name: "Mine", objectType: "part", shared: false, columns: ["reference", "title"], ...mine }));
    expect(await titles(db, bruno, "part", { view: view.id })).toEqual(["Bruno's part", "Bruno's private part"]);
    expect(inEnglish(await listObjectPage(db, alice, "part", { view: view.id }))).toMatchObject({ ok: false, error: { fields: { view: "This view does not exist for this list." } } });
    expect(dataOf(await listObjectPage(db, bruno, "part", { view: view.id })).columns).toEqual([
      { source: "column", column: "reference" },
      { source: "column", column: "title" },
    ]);
  });

  it("searches every type, and the home page drops objects the user can no longer see", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"], rules: [everyoneFull] });
    const alice = await world.actor({ role: "manager", sites: ["Lyon", "Toulouse"] });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"] });
    const pump = await world.createObject(alice, { type: "product", title: "Pump", scope: { kind: "sites", siteIds: [world.siteIds.Lyon!] } });
    const pumpDoc = await world.createObject(alice, { type: "document", title: "Pump drawing", scope: { kind: "organization" } });
    await world.createObject(alice, { type: "part", title: "Pump seal", scope: { kind: "owner" } });

    const found = await searchObjects(db, viewer, { q: "pump" }, "en");
    expect(dataOf(found.page).items.map((item) => item.title)).toEqual(["Pump drawing", "Pump"]);
    expect(dataOf(found.count)).toEqual({ count: 2, capped: false, label: "2" });

    await recordObjectVisit(db, { organizationId: world.organizationId, userId: viewer.id, objectId: pump.id });
    await recordObjectVisit(db, { organizationId: world.organizationId, userId: viewer.id, objectId: pumpDoc.id });
    const before = await loadHome(db, viewer);
    expect(before.recent.map((object) => object.title).sort()).toEqual(["Pump", "Pump drawing"]);
    expect(before.changes.map((change) => change.title)).toEqual(expect.arrayContaining(["Pump", "Pump drawing"]));
    expect(before.changes.map((change) => change.title)).not.toContain("Pump seal");
    expect(before.tasks).toEqual([]);
    expect((await loadHome(db, kiosk)).tasks).toBeNull();

    dataOf(await changeObjectScope(db, alice, { id: pump.id, version: pump.version, kind: "sites", siteIds: [world.siteIds.Toulouse!] }));
    dataOf(await trashObject(db, alice, { id: pumpDoc.id }));
    const after = await loadHome(db, await world.refresh(viewer));
    expect(after.recent).toEqual([]);
    expect(after.changes).toEqual([]);
  });
});
