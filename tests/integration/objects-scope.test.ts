import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { activityEvents, auditLog, objectScopeSites } from "@/db/schema";
import { changeObjectScope as changeObjectScopeService } from "@/lib/objects/change-object-scope";
import { getObject } from "@/lib/objects/get-object";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const changeObjectScope = async (...args: Parameters<typeof changeObjectScopeService>) => inEnglish(await changeObjectScopeService(...args));

describe("changeObjectScope", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function threeSites() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse", "Montréal"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager", "admin"] } },
      ],
    });
    const owner = await world.actor({ sites: ["Lyon"] });
    const colleague = await world.actor({ sites: ["Lyon"] });
    const toulouse = await world.actor({ role: "viewer", sites: ["Toulouse"] });
    const document = await world.createObject(owner, { title: "Spec" });
    return { world, owner, colleague, toulouse, document };
  }

  it("shares with sites, then the organisation, then the owner only; audits each change with before and after", async () => {
    const { world, owner, toulouse, document } = await threeSites();
    const lyon = world.site("Lyon");
    const toulouseSite = world.site("Toulouse");
    expect(await getObject(db, toulouse, { id: document.id })).toMatchObject({ ok: false, error: { code: "not_found" } });

    const shared = dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: [toulouseSite, lyon, lyon], version: 1 }));
    expect(shared.scope).toEqual({ kind: "sites", siteIds: [lyon, toulouseSite].sort() });
    expect(shared.version).toBe(2);
    expect(dataOf(await getObject(db, toulouse, { id: document.id })).id).toBe(document.id);

    expect(dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "organization" })).scope).toEqual({ kind: "organization", siteIds: [] });
    expect(await db.select().from(objectScopeSites).where(eq(objectScopeSites.objectId, document.id))).toEqual([]);
    expect(dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "owner" })).scope).toEqual({ kind: "owner", siteIds: [] });
    expect(await getObject(db, toulouse, { id: document.id })).toMatchObject({ ok: false, error: { code: "not_found" } });

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, document.id), eq(auditLog.action, "object.scope_changed")))
      .orderBy(auditLog.id);
    expect(audits.map(({ actorId, before, after }) => ({ actorId, before, after }))).toEqual([
      { actorId: owner.id, before: { kind: "sites", siteIds: [lyon] }, after: { kind: "sites", siteIds: [lyon, toulouseSite].sort() } },
      { actorId: owner.id, before: { kind: "sites", siteIds: [lyon, toulouseSite].sort() }, after: { kind: "organization", siteIds: [] } },
      { actorId: owner.id, before: { kind: "organization", siteIds: [] }, after: { kind: "owner", siteIds: [] } },
    ]);
    const events = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, document.id), eq(activityEvents.kind, "scope_changed")));
    expect(events).toHaveLength(3);
  });

  it("refuses a change that would remove the acting user's own access", async () => {
    const { world, colleague, document } = await threeSites();
    const toOwner = await changeObjectScope(db, colleague, { id: document.id, kind: "owner" });
    expect(toOwner).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "This change would remove your own access to this object.",
        fields: { kind: "Only the owner would be in scope: you would lose your access. Keep a scope that includes you." },
      },
    });
    const elsewhere = await changeObjectScope(db, colleague, { id: document.id, kind: "sites", siteIds: [world.site("Montréal")] });
    expect(elsewhere.ok || elsewhere.error.fields).toEqual({ siteIds: "None of these sites is yours: you would lose your access. Include one of your sites." });
    // Including one of their own sites is fine.
    const kept = await changeObjectScope(db, colleague, { id: document.id, kind: "sites", siteIds: [world.site("Montréal"), world.site("Lyon")] });
    expect(kept.ok).toBe(true);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.targetId, document.id), eq(auditLog.action, "object.scope_changed")))).toHaveLength(1);
  });

  it("refuses archived sites for a new scope, but keeps one already there; refuses unknown sites", async () => {
    const { world, owner, document } = await threeSites();
    await world.archiveSite("Montréal");
    const refused = await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: [world.site("Lyon"), world.site("Montréal")] });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "Montréal is archived: archived sites cannot be picked for a new scope.",
        fields: { siteIds: "Archived sites cannot be picked for a new scope: remove them." },
      },
    });

    await world.archiveSite("Lyon");
    const kept = await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: [world.site("Lyon"), world.site("Toulouse")] });
    expect(kept.ok).toBe(true);

    const unknown = await changeObjectScope(db, owner, { id: document.id, kind: "sites", siteIds: ["00000000-0000-4000-8000-000000000000"] });
    expect(unknown.ok || unknown.error.fields).toEqual({ siteIds: "Some of these sites do not exist." });
  });

  it("checks the input's shape", async () => {
    const { world, owner, document } = await threeSites();
    const noSites = await changeObjectScope(db, owner, { id: document.id, kind: "sites" });
    expect(noSites.ok || noSites.error.fields).toEqual({ siteIds: "Pick at least one site." });
    const stray = await changeObjectScope(db, owner, { id: document.id, kind: "organization", siteIds: [world.site("Lyon")] });
    expect(stray.ok || stray.error.fields).toEqual({ siteIds: "Sites are only for a scope by sites." });
    const kind = await changeObjectScope(db, owner, { id: document.id, kind: "everyone" as never });
    expect(kind.ok || kind.error.fields).toEqual({ kind: "Pick owner, sites or organization." });
  });

  it("needs Modify and Manager+: a Viewer in scope is forbidden, a user out of scope gets not_found", async () => {
    const { world, owner, toulouse, document } = await threeSites();
    const lyonViewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    expect(await changeObjectScope(db, lyonViewer, { id: document.id, kind: "organization" })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Your role does not allow this." },
    });
    expect(await changeObjectScope(db, toulouse, { id: document.id, kind: "organization" })).toEqual({
      ok: false,
      error: { code: "not_found", message: "This object does not exist, or you do not have access to it." },
    });
    dataOf(await changeObjectScope(db, owner, { id: document.id, kind: "organization", version: 1 }));
    expect(await changeObjectScope(db, owner, { id: document.id, kind: "owner", version: 1 })).toEqual({
      ok: false,
      error: { code: "conflict", message: "This object was changed by someone else since you opened it. Reload it to see the changes." },
    });
    const denied = await db.select().from(auditLog).where(and(eq(auditLog.targetId, document.id), eq(auditLog.action, "access.denied")));
    expect(denied.map((entry) => entry.actorId).sort()).toEqual([lyonViewer.id, toulouse.id].sort());
  });
});
