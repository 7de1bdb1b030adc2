import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { createObject as createObjectService, type CreateObjectInput } from "@/lib/objects/create-object";
import { getObject } from "@/lib/objects/get-object";
import { inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const createObject = async (...args: Parameters<typeof createObjectService>) => inEnglish(await createObjectService(...args));

// POST /api/v1/objects with `scope`: the Share menu's choices at creation, instead of the template's default.
describe("createObject with a chosen scope", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("owner: the object is Private, whatever the template's default, and only its owner sees it", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const creator = await world.actor({ sites: ["Toulouse"] });
    const colleague = await world.actor({ sites: ["Toulouse"] });
    await world.setTemplateScope("part", "organization");

    const document = await world.createObject(creator, { title: "Draft procedure", scope: { kind: "owner" } });
    expect(document.scope).toEqual({ kind: "owner", siteIds: [] });
    expect(document.ownerId).toBe(creator.id);
    expect(document.originSiteId).toBe(world.site("Toulouse"));
    const part = await world.createObject(creator, { type: "part", scope: { kind: "owner", siteIds: [] } });
    expect(part.scope).toEqual({ kind: "owner", siteIds: [] });

    expect((await getObject(db, creator, { id: document.id })).ok).toBe(true);
    expect(await getObject(db, colleague, { id: document.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("sites: any live sites of the organisation, the creator's or not, each once; the owner stays in scope", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse", "Montréal"] });
    const creator = await world.actor({ sites: ["Toulouse"] });
    const lyonMember = await world.actor({ sites: ["Lyon"] });

    const object = await world.createObject(creator, {
      scope: { kind: "sites", siteIds: [world.site("Montréal"), world.site("Lyon"), world.site("Lyon")] },
    });
    expect(object.scope).toEqual({ kind: "sites", siteIds: [world.site("Lyon"), world.site("Montréal")].sort() });
    expect(object.originSiteId).toBe(world.site("Toulouse"));
    expect((await getObject(db, creator, { id: object.id })).ok).toBe(true);
    expect((await getObject(db, lyonMember, { id: object.id })).ok).toBe(true);
  });

  it("organization: every user of the organisation, over a template that fixes sites", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const creator = await world.actor({ sites: ["Toulouse"] });
    const elsewhere = await world.actor({ sites: ["Lyon"] });
    await world.setTemplateScope("product", "sites", ["Toulouse"]);

    const product = await world.createObject(creator, { type: "product", scope: { kind: "organization" } });
    expect(product.scope).toEqual({ kind: "organization", siteIds: [] });
    expect((await getObject(db, elsewhere, { id: product.id })).ok).toBe(true);
  });

  it("refuses sites that are unknown, another organisation's or archived, with a field message on scope.siteIds", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"] });
    const other = await ObjectsWorld.create(db, { sites: ["Elsewhere"] });
    const creator = await world.actor({ sites: ["Toulouse"] });
    await world.archiveSite("Lyon");
    const attempt = (scope: CreateObjectInput["scope"]) => createObject(db, creator, { type: "document", title: "Shared", scope });
    const invalid = (fields: Record<string, string>) => ({ ok: false, error: { code: "invalid", message: "Some fields need attention.", fields } });

    expect(await attempt({ kind: "sites", siteIds: ["6f1d8c1e-0000-4000-8000-000000000000"] })).toEqual(invalid({ "scope.siteIds": "Some of these sites do not exist." }));
    expect(await attempt({ kind: "sites", siteIds: [other.site("Elsewhere")] })).toEqual(invalid({ "scope.siteIds": "Some of these sites do not exist." }));
    expect(await attempt({ kind: "sites", siteIds: [world.site("Lyon"), world.site("Toulouse")] })).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "Lyon is archived: archived sites cannot be picked for a new scope.",
        fields: { "scope.siteIds": "Archived sites cannot be picked for a new scope: remove them." },
      },
    });
    expect(await attempt({ kind: "sites", siteIds: ["Toulouse"] })).toEqual(invalid({ "scope.siteIds.0": "This is not a site id." }));
    expect(await attempt({ kind: "sites" })).toEqual(invalid({ "scope.siteIds": "Pick at least one site." }));
    expect(await attempt({ kind: "owner", siteIds: [world.site("Toulouse")] })).toEqual(invalid({ "scope.siteIds": "Sites are only for a scope by sites." }));
    expect(await attempt({ kind: "creator_sites" } as never)).toEqual(invalid({ "scope.kind": "Pick owner, sites or organization." }));
  });

  it("refuses unknown fields and a scope sent with the template's site pick, naming them", async () => {
    const unknownField = "Unknown field: remove it, or check its spelling.";
    const world = await ObjectsWorld.create(db, { sites: ["Toulouse"] });
    const creator = await world.actor({ sites: ["Toulouse"] });

    const misspelt = await createObject(db, creator, { type: "part", title: "Bracket", scopee: { kind: "owner" } } as never);
    expect(misspelt.ok || misspelt.error.fields).toEqual({ scopee: unknownField });
    const nested = await createObject(db, creator, { type: "part", title: "Bracket", scope: { kind: "owner", private: true } } as never);
    expect(nested.ok || nested.error.fields).toEqual({ "scope.private": unknownField });
    const both = await createObject(db, creator, { type: "part", title: "Bracket", scope: { kind: "owner" }, siteIds: [world.site("Toulouse")] });
    expect(both.ok || both.error.fields).toEqual({ siteIds: expect.stringMatching(/^Send the sites in scope\.siteIds/) });
  });

  it("a chosen scope the creator's rules do not let them see still creates the object, answered as invisible", async () => {
    const world = await ObjectsWorld.create(db, { sites: ["Toulouse"], rules: [{ level: "full", users: { all: true }, objects: { types: ["part"] } }] });
    const creator = await world.actor({ sites: ["Toulouse"] });
    const created = await createObject(db, creator, { type: "document", title: "Unseen", scope: { kind: "owner" } });
    expect(created).toMatchObject({ ok: true, data: { visible: false } });
  });
});
