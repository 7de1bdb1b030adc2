import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as restoreRoute } from "@/app/api/v1/objects/[id]/restore/route";
import { GET as trashRoute } from "@/app/api/v1/trash/route";
import { getDb, type Database } from "@/db/client";
import { accessLog, activityEvents, auditLog, integrations, objects, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { createObjectLink } from "@/lib/links/create-object-link";
import { listObjectLinks } from "@/lib/links/list-object-links";
import { countVisibleObjects } from "@/lib/objects/count-visible-objects";
import { getObject } from "@/lib/objects/get-object";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { trashObject } from "@/lib/objects/trash-object";
import { listTrash as listTrashService } from "@/lib/trash/list-trash";
import { restoreObject as restoreObjectService } from "@/lib/trash/restore-object";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const listTrash = async (...args: Parameters<typeof listTrashService>) => inEnglish(await listTrashService(...args));
const restoreObject = async (...args: Parameters<typeof restoreObjectService>) => inEnglish(await restoreObjectService(...args));

const notFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const forbiddenByRole = { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };
const expired = { ok: false, error: { code: "not_found", message: "This object was deleted more than 30 days ago: it can no longer be restored." } };

describe("the trash", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** Lyon and Toulouse; Everyone views, Managers modify, Admins have full access. A Lyon product made of a Lyon part. */
  async function workshop() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
        { name: "Admins have full access", level: "full", users: { roles: ["admin"] } },
      ],
    });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const toulouseAdmin = await world.actor({ role: "admin", sites: ["Toulouse"] });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"] });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"] });
    const pump = await world.createObject(admin, { type: "product", title: "Pump" });
    const bracket = await world.createObject(admin, { type: "part", title: "Steel bracket" });
    dataOf(await createObjectLink(db, admin, { id: pump.id, targetId: bracket.id, kind: "product_part", quantity: 2 }));
    return { world, admin, toulouseAdmin, manager, viewer, kiosk, pump, bracket };
  }

  /** Moves the object's deletion back in time, as if it had been deleted `days` days ago. */
  async function deletedDaysAgo(objectId: string, days: number) {
    await db
      .update(objects)
      .set({ trashedAt: sql`now() - make_interval(days => ${days})` })
      .where(eq(objects.id, objectId));
  }

  async function whatUserSees(user: ActingUser, productId: string) {
    return {
      list: dataOf(await listVisibleObjects(db, user, { type: "part" })).items.map((item) => item.title),
      search: dataOf(await listVisibleObjects(db, user, { q: "bracket" })).items.map((item) => item.title),
      count: dataOf(await countVisibleObjects(db, user, {})).count,
      links: dataOf(await listObjectLinks(db, user, { id: productId })).items.map((item) => item.object.title),
    };
  }

  it("a trashed object leaves every list, search, count and link, and comes back with everything after a restore", async () => {
    const { admin, manager, viewer, pump, bracket } = await workshop();
    const before = { list: ["Steel bracket"], search: ["Steel bracket"], count: 2, links: ["Steel bracket"] };
    for (const user of [admin, manager, viewer]) expect(await whatUserSees(user, pump.id)).toEqual(before);

    dataOf(await trashObject(db, admin, { id: bracket.id }));
    for (const user of [admin, manager, viewer]) expect(await whatUserSees(user, pump.id)).toEqual({ list: [], search: [], count: 1, links: [] });

    const restored = dataOf(await restoreObject(db, admin, { id: bracket.id, version: 2 }));
    expect(restored).toMatchObject({ id: bracket.id, reference: "PRT-000001", title: "Steel bracket", version: 3 });
    for (const user of [admin, manager, viewer]) expect(await whatUserSees(user, pump.id)).toEqual(before);
    expect(dataOf(await listObjectLinks(db, viewer, { id: pump.id })).items).toMatchObject([{ kind: "product_part", quantity: 2 }]);

    const [row] = await db.select().from(objects).where(eq(objects.id, bracket.id));
    expect(row).toMatchObject({ trashedAt: null, trashedById: null, version: 3 });
    const events = await db.select().from(activityEvents).where(eq(activityEvents.objectId, bracket.id));
    expect(events.map((event) => [event.kind, event.actorId])).toEqual(
      expect.arrayContaining([
        ["trashed", admin.id],
        ["restored", admin.id],
      ]),
    );
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, bracket.id), eq(auditLog.action, "object.restored")));
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "object", after: { reference: "PRT-000001", title: "Steel bracket" } });
  });

  it("lists what the caller could delete if it were live, newest deleted first, one page at a time", async () => {
    const { world, admin, toulouseAdmin, manager, viewer, kiosk, pump, bracket } = await workshop();
    const toulouseOnly = await world.createObject(toulouseAdmin, { type: "part", title: "Toulouse seal" });
    dataOf(await trashObject(db, admin, { id: bracket.id }));
    dataOf(await trashObject(db, admin, { id: pump.id }));
    dataOf(await trashObject(db, toulouseAdmin, { id: toulouseOnly.id }));
    await deletedDaysAgo(bracket.id, 2);

    const first = dataOf(await listTrash(db, admin, { limit: 1 }));
    expect(first.items).toMatchObject([{ id: pump.id, type: "product", reference: "PRD-000001", title: "Pump", version: 2, trashedBy: { id: admin.id, name: "Ada Admin" } }]);
    const item = first.items[0]!;
    expect(new Date(item.restorableUntil).getTime() - new Date(item.trashedAt).getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    const second = dataOf(await listTrash(db, admin, { limit: 1, cursor: first.nextCursor! }));
    expect(second).toMatchObject({ items: [{ id: bracket.id }], nextCursor: null });

    // Out of scope, or below Full access: not in the caller's trash.
    expect(dataOf(await listTrash(db, toulouseAdmin, {})).items.map((entry) => entry.id)).toEqual([toulouseOnly.id]);
    expect(dataOf(await listTrash(db, manager, {})).items).toEqual([]);
    // Roles that may never delete have no trash.
    expect(await listTrash(db, viewer, {})).toEqual(forbiddenByRole);
    expect(await listTrash(db, kiosk, {})).toEqual(forbiddenByRole);
    const bad = await listTrash(db, admin, { cursor: "bm90IG91cnM" });
    expect(bad.ok || bad.error.fields).toEqual({ cursor: expect.any(String) });
  });

  it("after 30 days an object is neither listed nor restorable, and its rows stay", async () => {
    const { admin, bracket } = await workshop();
    dataOf(await trashObject(db, admin, { id: bracket.id }));
    await deletedDaysAgo(bracket.id, 31);
    expect(dataOf(await listTrash(db, admin, {})).items).toEqual([]);
    expect(await restoreObject(db, admin, { id: bracket.id })).toEqual(expired);
    const [row] = await db.select().from(objects).where(eq(objects.id, bracket.id));
    expect(row?.trashedAt).toBeInstanceOf(Date);
    expect(inEnglish(await getObject(db, admin, { id: bracket.id }))).toEqual(notFound);
  });

  it("refuses a restore to a Manager without Full access, out of scope, to a Viewer, on a stale version or a live object", async () => {
    const { world, admin, toulouseAdmin, manager, viewer, kiosk, pump, bracket } = await workshop();
    dataOf(await trashObject(db, admin, { id: bracket.id }));

    expect(await restoreObject(db, manager, { id: bracket.id })).toEqual(notFound);
    expect(await restoreObject(db, toulouseAdmin, { id: bracket.id })).toEqual(notFound);
    expect(await restoreObject(db, admin, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
    expect(await restoreObject(db, viewer, { id: bracket.id })).toEqual(forbiddenByRole);
    expect(await restoreObject(db, kiosk, { id: bracket.id })).toEqual(forbiddenByRole);
    expect(await restoreObject(db, admin, { id: bracket.id, version: 1 })).toEqual({
      ok: false,
      error: { code: "conflict", message: "This object was changed by someone else since you opened it. Reload it to see the changes." },
    });
    expect(await restoreObject(db, admin, { id: pump.id })).toEqual({
      ok: false,
      error: { code: "conflict", message: "This object is not in the trash: someone may have restored it already." },
    });
    const [row] = await db.select().from(objects).where(eq(objects.id, bracket.id));
    expect(row?.trashedAt).toBeInstanceOf(Date);

    // The refusals of objects the caller cannot reach are denied accesses.
    const denials = await db
      .select({ userId: accessLog.userId, objectId: accessLog.objectId })
      .from(accessLog)
      .where(and(eq(accessLog.organizationId, world.organizationId), eq(accessLog.kind, "denied")));
    expect(denials).toEqual(
      expect.arrayContaining([
        { userId: manager.id, objectId: bracket.id },
        { userId: toulouseAdmin.id, objectId: bracket.id },
      ]),
    );

    // A Manager who is given Full access may restore it.
    await world.setRules([
      { name: "Everyone views", level: "view", users: { all: true } },
      { name: "Managers have full access", level: "full", users: { roles: ["manager"] } },
    ]);
    expect(dataOf(await restoreObject(db, await world.refresh(manager), { id: bracket.id }))).toMatchObject({ id: bracket.id, version: 3 });
  });

  describe("through /api/v1", () => {
    async function tokenFor(world: ObjectsWorld, role: "manager" | "admin" | "viewer"): Promise<string> {
      const service = await world.addUser({ role, sites: ["Lyon"], name: `${role} connector` });
      await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
      const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${role} connector`, serviceUserId: service.id }).returning();
      return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
    }

    const request = (path: string, token: string, method = "GET", body?: unknown) =>
      new Request(`http://atelier.test${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    it("lists the trash and restores: 200, 403 for a Viewer, 404 alike for out of reach and unknown, 422 naming an unknown field", async () => {
      const { world, admin, toulouseAdmin, bracket } = await workshop();
      const toulouseOnly = await world.createObject(toulouseAdmin, { type: "part", title: "Toulouse seal" });
      dataOf(await trashObject(db, admin, { id: bracket.id }));
      dataOf(await trashObject(db, toulouseAdmin, { id: toulouseOnly.id }));
      const adminToken = await tokenFor(world, "admin");
      const viewerToken = await tokenFor(world, "viewer");

      const listed = await trashRoute(request("/api/v1/trash?limit=10", adminToken), { params: Promise.resolve({}) });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toMatchObject({ items: [{ id: bracket.id, reference: "PRT-000001" }], nextCursor: null });
      expect((await trashRoute(request("/api/v1/trash", viewerToken), { params: Promise.resolve({}) })).status).toBe(403);
      expect((await trashRoute(request("/api/v1/trash?type=part", adminToken), { params: Promise.resolve({}) })).status).toBe(422);

      const restore = (id: string, token: string, body?: unknown) => restoreRoute(request(`/api/v1/objects/${id}/restore`, token, "POST", body), { params: Promise.resolve({ id }) });
      const outOfScope = await restore(toulouseOnly.id, adminToken);
      const unknown = await restore("00000000-0000-4000-8000-000000000000", adminToken);
      expect([outOfScope.status, unknown.status]).toEqual([404, 404]);
      expect(await outOfScope.json()).toEqual(await unknown.json());
      expect((await restore(bracket.id, viewerToken)).status).toBe(403);
      const strict = await restore(bracket.id, adminToken, { version: 2, why: "oops" });
      expect(strict.status).toBe(422);
      expect(((await strict.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("why");

      const restored = await restore(bracket.id, adminToken, { version: 2 });
      expect(restored.status).toBe(200);
      expect(await restored.json()).toMatchObject({ id: bracket.id, version: 3 });
      expect((await restore(bracket.id, adminToken)).status).toBe(409);
    });
  });
});
