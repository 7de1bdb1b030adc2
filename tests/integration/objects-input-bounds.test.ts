import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { createObject } from "@/lib/objects/create-object";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import { inEnglish } from "../fixtures/results";
import { everyoneFull, ObjectsWorld } from "./objects-world";

// Inputs the schema let through but PostgreSQL refuses were 500s: they are field errors now.
describe("object inputs the database would refuse", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("refuses a date that does not exist and a version no record has", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon"], rules: [everyoneFull] });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"] });
    expect(inEnglish(await createObject(db, manager, { type: "project", title: "P", details: { startDate: "2026-02-31" } }))).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { "details.startDate": expect.any(String) } },
    });
    const part = await world.createObject(manager, { type: "part", title: "Bolt" });
    expect(inEnglish(await updateObjectProperties(db, manager, { id: part.id, version: 1e12, title: "Nut" }))).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { version: expect.any(String) } },
    });
  });
});
