import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { accessLog, activityEvents, auditLog, objects } from "@/db/schema";
import { countVisibleObjects } from "@/lib/objects/count-visible-objects";
import { getObject as getObjectService } from "@/lib/objects/get-object";
import { guardedObjectWrite } from "@/lib/objects/guarded-object-write";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { trashObject as trashObjectService } from "@/lib/objects/trash-object";
import { updateObjectProperties as updateObjectPropertiesService } from "@/lib/objects/update-object-properties";
import { ok } from "@/lib/result";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const getObject = async (...args: Parameters<typeof getObjectService>) => inEnglish(await getObjectService(...args));
const updateObjectProperties = async (...args: Parameters<typeof updateObjectPropertiesService>) => inEnglish(await updateObjectPropertiesService(...args));
const trashObject = async (...args: Parameters<typeof trashObjectService>) => inEnglish(await trashObjectService(...args));

const staleMessage = "This object was changed by someone else since you opened it. Reload it to see the changes.";
const notFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const forbiddenByLevel = { ok: false, error: { code: "forbidden", message: "Your access to this object does not allow this." } };
const forbiddenByRole = { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };

describe("reading, editing and trashing objects", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** Lyon and Toulouse; Everyone views, Managers modify, Admins have full access. */
  async function lyonAndToulouse() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
        { name: "Admins have full access", level: "full", users: { roles: ["admin"] } },
      ],
    });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"] });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const outsider = await world.actor({ role: "manager", sites: ["Toulouse"] });
    const document = await world.createObject(admin, { title: "Pump drawing" });
    return { world, admin, manager, viewer, outsider, document };
  }

  it("opens a visible object with the caller's level and allowed actions", async () => {
    const { viewer, manager, document } = await lyonAndToulouse();
    const seen = dataOf(await getObject(db, viewer, { id: document.id }));
    expect(seen).toMatchObject({ id: document.id, reference: "DOC-000001", title: "Pump drawing", access: { level: "view" } });
    expect(seen.access.actions).toEqual(["view", "comment", "download", "be_assigned", "sign"]);
    expect(dataOf(await getObject(db, manager, { id: document.id })).access.actions).toEqual(
      expect.arrayContaining(["edit", "change_scope", "link", "upload_revision"]),
    );
  });

  it("answers not_found alike for an object out of scope, an unknown id and another organisation's object", async () => {
    const { outsider, document } = await lyonAndToulouse();
    const elsewhere = await lyonAndToulouse();
    expect(await getObject(db, outsider, { id: document.id })).toEqual(notFound);
    expect(await getObject(db, outsider, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
    expect(await getObject(db, outsider, { id: elsewhere.document.id })).toEqual(notFound);
    expect(await updateObjectProperties(db, outsider, { id: document.id, version: 1, title: "Mine now" })).toEqual(notFound);
    expect(await trashObject(db, outsider, { id: document.id })).toEqual(notFound);
  });

  it("answers forbidden only for a visible object: by level, and by role", async () => {
    const { world, viewer, manager, document } = await lyonAndToulouse();
    expect(await updateObjectProperties(db, viewer, { id: document.id, version: 1, title: "x" })).toEqual(forbiddenByRole);
    // Managers reach Modify, not the Full access a delete needs.
    expect(await trashObject(db, manager, { id: document.id })).toEqual(forbiddenByLevel);

    // Denied writes go to the access log and the audit log.
    const denials = await db.select().from(accessLog).where(and(eq(accessLog.organizationId, world.organizationId), eq(accessLog.kind, "denied")));
    expect(denials.map(({ userId, action, reason }) => ({ userId, action, reason }))).toEqual(
      expect.arrayContaining([
        { userId: viewer.id, action: "edit", reason: "role" },
        { userId: manager.id, action: "delete", reason: "level" },
      ]),
    );
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.action, "access.denied")));
    expect(audited.map((entry) => [entry.actorId, entry.after])).toEqual(
      expect.arrayContaining([
        [viewer.id, { action: "edit", reason: "role" }],
        [manager.id, { action: "delete", reason: "level" }],
      ]),
    );
  });

  it("edits the title and property values, merging with the values it leaves out", async () => {
    const { world, manager, document } = await lyonAndToulouse();
    const kind = await world.addProperty("document", "Kind", "single_choice", { labels: ["Drawing", "Report"] });
    const note = await world.addProperty("document", "Note", "text");
    const actor = await world.refresh(manager);

    const first = dataOf(
      await updateObjectProperties(db, actor, { id: document.id, version: 1, title: "Pump drawing, rev. 2", properties: { [kind.id]: kind.option.Report, [note.id]: "Checked" } }),
    );
    expect(first).toMatchObject({ title: "Pump drawing, rev. 2", version: 2, properties: { [kind.id]: kind.option.Report, [note.id]: "Checked" } });

    const second = dataOf(await updateObjectProperties(db, actor, { id: document.id, version: 2, properties: { [note.id]: null } }));
    expect(second).toMatchObject({ title: "Pump drawing, rev. 2", version: 3, properties: { [kind.id]: kind.option.Report } });
    expect(second.properties).not.toHaveProperty(note.id);

    const events = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, document.id), eq(activityEvents.kind, "updated")));
    expect(events.map((event) => event.data)).toEqual(
      expect.arrayContaining([
        { title: "Pump drawing, rev. 2", propertyIds: expect.arrayContaining([kind.id, note.id]) },
        { propertyIds: [note.id] },
      ]),
    );
  });

  it("refuses a stale edit with a clear message, and never overwrites", async () => {
    const { world, manager, admin, document } = await lyonAndToulouse();
    dataOf(await updateObjectProperties(db, admin, { id: document.id, version: 1, title: "Changed by the admin" }));
    const stale = await updateObjectProperties(db, manager, { id: document.id, version: 1, title: "Changed by the manager" });
    expect(stale).toEqual({ ok: false, error: { code: "conflict", message: staleMessage } });
    const [row] = await world.db.select().from(objects).where(eq(objects.id, document.id));
    expect(row).toMatchObject({ title: "Changed by the admin", version: 2 });
  });

  it("of two edits made on the same version at the same time, one wins and the other is refused as stale", async () => {
    const { admin, manager, document } = await lyonAndToulouse();
    const results = await Promise.all([
      updateObjectProperties(db, admin, { id: document.id, version: 1, title: "Admin's title" }),
      updateObjectProperties(db, manager, { id: document.id, version: 1, title: "Manager's title" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: { code: "conflict", message: staleMessage } }]);
    const [row] = await db.select().from(objects).where(eq(objects.id, document.id));
    expect(row?.version).toBe(2);
  });

  it("checks input before anything: a version, a change, valid values", async () => {
    const { world, manager, document } = await lyonAndToulouse();
    const pages = await world.addProperty("document", "Pages", "number");
    const actor = await world.refresh(manager);
    const noVersion = await updateObjectProperties(db, actor, { id: document.id, title: "x" } as never);
    expect(noVersion.ok || noVersion.error.fields).toEqual({ version: "Send the version of the object you read." });
    const nothing = await updateObjectProperties(db, actor, { id: document.id, version: 1 });
    expect(nothing.ok || nothing.error.fields).toEqual({ form: "Change the title or a property value." });
    const bad = await updateObjectProperties(db, actor, { id: document.id, version: 1, properties: { [pages.id]: "many" } });
    expect(bad.ok || bad.error.fields).toEqual({ [`properties.${pages.id}`]: "Enter a number." });
  });

  it("decides again at write time: a rule removed after the request began stops the edit", async () => {
    const { world, manager, document } = await lyonAndToulouse();
    // The manager's request was read before an Admin narrowed the rules.
    await world.setRules([{ name: "Everyone views", level: "view", users: { all: true } }]);
    expect(await updateObjectProperties(db, manager, { id: document.id, version: 1, title: "Too late" })).toEqual(forbiddenByLevel);
    const [row] = await db.select().from(objects).where(eq(objects.id, document.id));
    expect(row?.title).toBe("Pump drawing");
  });

  it("the guard in the write's WHERE stops a write whose access went away after the decision", async () => {
    const { manager, document } = await lyonAndToulouse();
    const result = await guardedObjectWrite(db, manager, { objectId: document.id, action: "edit", expectedVersion: 1 }, async ({ tx, where }) => {
      // A scope change lands between the decision and the write.
      await tx.update(objects).set({ scopeKind: "owner" }).where(eq(objects.id, document.id));
      const rows = await tx.update(objects).set({ title: "Should not happen" }).where(where).returning({ id: objects.id });
      return rows.length > 0 ? ok(rows) : null;
    });
    expect(inEnglish(result)).toEqual(notFound);
    const [row] = await db.select().from(objects).where(eq(objects.id, document.id));
    expect(row?.title).toBe("Pump drawing");
  });

  describe("trash", () => {
    it("moves an object to the trash (Full access): then it is gone from reads, lists, counts and writes", async () => {
      const { world, admin, manager, document } = await lyonAndToulouse();
      const other = await world.createObject(admin, { title: "Kept" });
      const trashed = dataOf(await trashObject(db, admin, { id: document.id, version: 1 }));
      expect(trashed.id).toBe(document.id);

      const [row] = await db.select().from(objects).where(eq(objects.id, document.id));
      expect(row).toMatchObject({ trashedById: admin.id, version: 2 });
      expect(row?.trashedAt).toBeInstanceOf(Date);
      for (const user of [admin, manager]) {
        expect(await getObject(db, user, { id: document.id })).toEqual(notFound);
        expect(dataOf(await listVisibleObjects(db, user, {})).items.map((item) => item.id)).toEqual([other.id]);
        expect(dataOf(await countVisibleObjects(db, user, {})).count).toBe(1);
      }
      expect(await updateObjectProperties(db, manager, { id: document.id, version: 2, title: "Back" })).toEqual(notFound);
      expect(await trashObject(db, admin, { id: document.id })).toEqual(notFound);

      const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, document.id), eq(activityEvents.kind, "trashed")));
      expect(event?.actorId).toBe(admin.id);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, document.id), eq(auditLog.action, "object.trashed")));
      expect(audit).toMatchObject({ actorId: admin.id, before: { reference: "DOC-000001", title: "Pump drawing" } });
    });

    it("refuses a delete made on a stale view when the version is given", async () => {
      const { admin, document } = await lyonAndToulouse();
      dataOf(await updateObjectProperties(db, admin, { id: document.id, version: 1, title: "Renamed" }));
      expect(await trashObject(db, admin, { id: document.id, version: 1 })).toEqual({ ok: false, error: { code: "conflict", message: staleMessage } });
    });
  });
});
