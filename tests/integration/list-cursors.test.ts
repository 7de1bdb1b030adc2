import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { listAccessRules } from "@/lib/access-rules/access-rule-records";
import type { ActingUser } from "@/lib/auth/acting-user";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { listProperties } from "@/lib/properties/list-properties";
import { listSitesPage } from "@/lib/sites/list-sites";
import { listTeamsPage } from "@/lib/teams/list-teams";
import { listUsers } from "@/lib/users/list-users";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// Cursors come back from clients: whatever is in one, a list answers 422 on `cursor`, and never lets PostgreSQL
// refuse it as a server error (an impossible instant, a NUL in a name key).
const id = "0b6f0f7e-3c1a-4d5e-9f00-1234567890ab";
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const invalidCursor = (field = "cursor") => ({
  ok: false,
  error: { code: "invalid", message: "Some fields need attention.", fields: { [field]: "This cursor is not valid: start again from the first page." } },
});

const badObjectCursors = {
  "month 13": base64url(`2024-13-01T00:00:00.000000Z|${id}`),
  "year 0000": base64url(`0000-06-01T00:00:00.000000Z|${id}`),
  "31 February": base64url(`2023-02-31T10:00:00.000000Z|${id}`),
  "hour 24": base64url(`2024-01-01T24:00:00.000000Z|${id}`),
  garbage: "%%%",
};
const badNameCursors = {
  NUL: base64url(JSON.stringify(["ali\u0000ce", id])),
  "an overlong name key": base64url(JSON.stringify(["a".repeat(5000), id])),
  "garbage base64": "***",
  "an id that is not a uuid": base64url(JSON.stringify(["alice", "1"])),
};
const badRuleCursors = {
  "month 13": base64url(JSON.stringify([0, "2024-13-01T00:00:00.000000Z", id])),
  "year 0000": base64url(JSON.stringify([0, "0000-01-01T00:00:00.000000Z", id])),
  "a date Date.parse reads loosely": base64url(JSON.stringify([0, "March 7, 2024", id])),
  "a position past the integer column": base64url(JSON.stringify([2 ** 40, "2024-01-01T00:00:00.000000Z", id])),
  "a fractional position": base64url(JSON.stringify([1.5, "2024-01-01T00:00:00.000000Z", id])),
};

describe("lists refuse bad cursors as invalid input", () => {
  let db: Database;
  let world: ObjectsWorld;
  let admin: ActingUser;

  beforeAll(async () => {
    db = await getDb();
    world = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    await world.createObject(admin, { title: "One" });
  });

  it.each(Object.entries(badObjectCursors))("objects: %s", async (_case, cursor) => {
    expect(inEnglish(await listVisibleObjects(db, admin, { cursor }))).toEqual(invalidCursor());
  });

  it.each(Object.entries(badNameCursors))("users, sites and teams: %s", async (_case, cursor) => {
    expect(inEnglish(await listUsers(db, admin, { cursor }))).toEqual(invalidCursor());
    expect(inEnglish(await listUsers(db, admin, { before: cursor }))).toEqual(invalidCursor("before"));
    expect(inEnglish(await listSitesPage(db, admin, { cursor }))).toEqual(invalidCursor());
    expect(inEnglish(await listTeamsPage(db, admin, { cursor }))).toEqual(invalidCursor());
  });

  it.each(Object.entries(badRuleCursors))("access rules: %s", async (_case, cursor) => {
    expect(inEnglish(await listAccessRules(db, world.organizationId, { cursor }))).toEqual(invalidCursor());
  });

  it("property definitions: a cursor that names no definition", async () => {
    expect(inEnglish(await listProperties(db, admin, { cursor: "%%%" }))).toEqual(invalidCursor());
    expect(inEnglish(await listProperties(db, admin, { cursor: base64url(id) }))).toEqual(invalidCursor());
  });

  it("an overlong cursor is refused before it is decoded", async () => {
    expect(inEnglish(await listVisibleObjects(db, admin, { cursor: "A".repeat(5000) }))).toEqual(invalidCursor());
  });

  it("the cursors the lists answer are taken back", async () => {
    const second = await world.createObject(admin, { title: "Two" });
    const first = dataOf(await listVisibleObjects(db, admin, { limit: 1 }));
    expect(first.items.map((item) => item.id)).toEqual([second.id]);
    expect(dataOf(await listVisibleObjects(db, admin, { limit: 1, cursor: first.nextCursor! })).items).toHaveLength(1);
    const rules = dataOf(await listAccessRules(db, world.organizationId, { limit: 1 }));
    expect(rules.nextCursor).toBeNull();
  });
});
