import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as detailsRoute, PATCH as patchDetailsRoute } from "@/app/api/v1/objects/[id]/details/route";
import { getDb, type Database } from "@/db/client";
import { activityEvents, integrations, manufacturingOrders, objectLinks, objects, teams, users } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { getObjectDetails as getObjectDetailsService } from "@/lib/object-details/get-object-details";
import { updateObjectDetails as updateObjectDetailsService } from "@/lib/object-details/update-object-details";
import { updateObjectProperties } from "@/lib/objects/update-object-properties";
import type { ActingUser } from "@/lib/auth/acting-user";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const getObjectDetails = async (...args: Parameters<typeof getObjectDetailsService>) => inEnglish(await getObjectDetailsService(...args));
const updateObjectDetails = async (...args: Parameters<typeof updateObjectDetailsService>) => inEnglish(await updateObjectDetailsService(...args));

const notFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const forbiddenByRole = { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };
const stale = { ok: false, error: { code: "conflict", message: "This object was changed by someone else since you opened it. Reload it to see the changes." } };

describe("type-specific details of objects", () => {
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
    const admin = await world.actor({ role: "admin", sites: ["Lyon", "Toulouse"], name: "Ada Admin" });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Max Manager" });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"] });
    const outsider = await world.actor({ role: "manager", sites: ["Toulouse"] });
    return { world, admin, manager, viewer, kiosk, outsider };
  }

  async function addTeam(world: ObjectsWorld, name: string): Promise<string> {
    const [team] = await db.insert(teams).values({ organizationId: world.organizationId, name }).returning({ id: teams.id });
    return team!.id;
  }

  it("reads the details of every type", async () => {
    const { world, manager, viewer } = await lyonAndToulouse();
    const team = await addTeam(world, "Pumps");
    const part = await world.createObject(manager, { type: "part", title: "Shaft", details: { unit: "kg", material: "Steel" } });
    const product = await world.createObject(manager, { type: "product", title: "Pump P-100" });
    const project = await world.createObject(manager, {
      type: "project",
      title: "Pump redesign",
      details: { teamId: team, startDate: "2026-01-05", dueDate: "2026-06-30" },
    });
    const order = await world.createObject(manager, {
      type: "manufacturing_order",
      title: "Batch 12",
      details: { quantity: 40, productId: product.id, siteId: world.site("Lyon") },
    });
    const document = await world.createObject(manager, { type: "document", title: "Pump drawing" });
    const workflow = await world.createObject(manager, { type: "workflow", title: "Change the seal", details: { kind: "ECO" } });

    expect(dataOf(await getObjectDetails(db, viewer, { id: part.id }))).toEqual({
      id: part.id,
      version: 1,
      type: "part",
      status: "in_design",
      unit: "kg",
      material: "Steel",
    });
    expect(dataOf(await getObjectDetails(db, viewer, { id: product.id }))).toMatchObject({ type: "product", status: "development", version: 1 });
    expect(dataOf(await getObjectDetails(db, viewer, { id: project.id }))).toEqual({
      id: project.id,
      version: 1,
      type: "project",
      status: "planned",
      team: { id: team, name: "Pumps" },
      startDate: "2026-01-05",
      dueDate: "2026-06-30",
      tasks: { total: 0, done: 0, completion: null },
    });
    expect(dataOf(await getObjectDetails(db, viewer, { id: order.id }))).toEqual({
      id: order.id,
      version: 1,
      type: "manufacturing_order",
      status: "planned",
      nextStatuses: ["in_progress", "cancelled"],
      product: { visible: true, id: product.id, reference: product.reference, title: "Pump P-100" },
      quantity: 40,
      site: { id: world.site("Lyon"), name: "Lyon", archived: false },
      plannedStart: null,
      plannedEnd: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(dataOf(await getObjectDetails(db, viewer, { id: document.id }))).toMatchObject({
      type: "document",
      currentRevision: { label: "A", status: "draft" },
      revisionCount: 1,
    });
    expect(dataOf(await getObjectDetails(db, viewer, { id: workflow.id }))).toMatchObject({
      type: "workflow",
      kind: "ECO",
      status: "draft",
      responsible: { id: manager.id, name: "Max Manager" },
    });
  });

  it("names an order's product only to readers who can view it", async () => {
    const { world, admin, manager } = await lyonAndToulouse();
    const product = await world.createObject(admin, { type: "product", title: "Secret turbine", scope: { kind: "sites", siteIds: [world.site("Toulouse")] } });
    const order = await world.createObject(admin, {
      type: "manufacturing_order",
      title: "Batch 7",
      scope: { kind: "organization" },
      details: { quantity: 3, productId: product.id },
    });
    const seenByAdmin = dataOf(await getObjectDetails(db, admin, { id: order.id }));
    expect(seenByAdmin).toMatchObject({ product: { visible: true, title: "Secret turbine" } });

    const seenByLyon = dataOf(await getObjectDetails(db, manager, { id: order.id }));
    expect(seenByLyon).toMatchObject({ product: { visible: false } });
    const text = JSON.stringify(seenByLyon);
    expect(text).not.toContain("Secret turbine");
    expect(text).not.toContain(product.id);
    expect(text).not.toContain(product.reference);
  });

  it("is not found for an object the reader cannot view", async () => {
    const { world, manager, outsider } = await lyonAndToulouse();
    const part = await world.createObject(manager, { type: "part", title: "Lyon shaft" });
    expect(await getObjectDetails(db, outsider, { id: part.id })).toEqual(notFound);
    expect(await getObjectDetails(db, outsider, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
  });

  describe("edits", () => {
    it("needs Modify and a Manager+ role: viewers and kiosks 403, an invisible object 404", async () => {
      const { world, manager, viewer, kiosk, outsider } = await lyonAndToulouse();
      const part = await world.createObject(manager, { type: "part", title: "Shaft" });
      expect(await updateObjectDetails(db, viewer, { id: part.id, version: 1, status: "released" })).toEqual(forbiddenByRole);
      expect(await updateObjectDetails(db, kiosk, { id: part.id, version: 1, status: "released" })).toEqual(forbiddenByRole);
      expect(await updateObjectDetails(db, outsider, { id: part.id, version: 1, status: "released" })).toEqual(notFound);

      const edited = dataOf(await updateObjectDetails(db, manager, { id: part.id, version: 1, status: "released", unit: "m", material: "Brass" }));
      expect(edited).toMatchObject({ version: 2, status: "released", unit: "m", material: "Brass" });
      const [row] = await db.select().from(objects).where(eq(objects.id, part.id));
      expect(row?.version).toBe(2);
      expect(row?.updatedAt.getTime()).toBeGreaterThan(new Date(part.updatedAt).getTime() - 1);
    });

    it("records what changed in the activity feed, and an edit that changes nothing writes nothing", async () => {
      const { world, manager } = await lyonAndToulouse();
      const part = await world.createObject(manager, { type: "part", title: "Shaft", details: { material: "Steel" } });
      dataOf(await updateObjectDetails(db, manager, { id: part.id, version: 1, status: "released", material: "" }));
      const events = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, part.id), eq(activityEvents.kind, "details_updated")));
      expect(events.map((event) => [event.actorId, event.data])).toEqual([
        [
          manager.id,
          {
            fields: ["status", "material"],
            changes: { status: { from: "in_design", to: "released" }, material: { from: "Steel", to: null } },
          },
        ],
      ]);

      const unchanged = dataOf(await updateObjectDetails(db, manager, { id: part.id, version: 2, status: "released" }));
      expect(unchanged.version).toBe(2);
      const after = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, part.id), eq(activityEvents.kind, "details_updated")));
      expect(after).toHaveLength(1);
    });

    it("shares the object's version with title edits: either made on a stale view is refused", async () => {
      const { world, manager, admin } = await lyonAndToulouse();
      const part = await world.createObject(manager, { type: "part", title: "Shaft" });
      dataOf(await updateObjectProperties(db, admin, { id: part.id, version: 1, title: "Main shaft" }));
      expect(await updateObjectDetails(db, manager, { id: part.id, version: 1, status: "released" })).toEqual(stale);

      dataOf(await updateObjectDetails(db, manager, { id: part.id, version: 2, status: "released" }));
      expect(inEnglish(await updateObjectProperties(db, admin, { id: part.id, version: 2, title: "Old view" }))).toEqual(stale);
      expect(dataOf(await getObjectDetails(db, manager, { id: part.id }))).toMatchObject({ version: 3, status: "released" });
    });

    it("of two edits made on the same version at the same time, one wins and the other is refused as stale", async () => {
      const { world, manager, admin } = await lyonAndToulouse();
      const made = await world.createObject(manager, { type: "manufacturing_order", title: "Batch", details: { quantity: 5 } });
      const results = await Promise.all([
        updateObjectDetails(db, manager, { id: made.id, version: 1, status: "in_progress" }),
        updateObjectDetails(db, admin, { id: made.id, version: 1, status: "cancelled" }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([stale]);
      const [row] = await db.select().from(objects).where(eq(objects.id, made.id));
      expect(row?.version).toBe(2);
    });

    it("refuses fields of another type by name, unknown statuses and impossible dates", async () => {
      const { world, manager } = await lyonAndToulouse();
      const part = await world.createObject(manager, { type: "part", title: "Shaft" });
      const project = await world.createObject(manager, { type: "project", title: "Redesign", details: { startDate: "2026-03-01" } });
      const document = await world.createObject(manager, { type: "document", title: "Drawing" });

      const other = await updateObjectDetails(db, manager, { id: part.id, version: 1, quantity: 3, teamId: null });
      expect(other.ok || other.error.fields).toEqual({ quantity: "Not used for parts.", teamId: "Not used for parts." });
      const onDocument = await updateObjectDetails(db, manager, { id: document.id, version: 1, status: "validated" });
      expect(onDocument.ok || onDocument.error.fields).toEqual({ status: "Not used for documents." });
      const status = await updateObjectDetails(db, manager, { id: part.id, version: 1, status: "shipped" });
      expect(status.ok || status.error.fields).toEqual({ status: "Pick In design, Released or Obsolete." });
      const date = await updateObjectDetails(db, manager, { id: project.id, version: 1, dueDate: "2026-02-31" });
      expect(date.ok || date.error.fields).toEqual({ dueDate: "Enter a real date as YYYY-MM-DD." });
      const early = await updateObjectDetails(db, manager, { id: project.id, version: 1, dueDate: "2026-02-01" });
      expect(early.ok || early.error.fields).toEqual({ dueDate: "The due date comes before the start." });
      const nothing = await updateObjectDetails(db, manager, { id: part.id, version: 1 });
      expect(nothing.ok || nothing.error.fields).toEqual({ form: "Change at least one detail." });
    });

    it("edits a project's team, status and dates", async () => {
      const { world, manager } = await lyonAndToulouse();
      const team = await addTeam(world, "Seals");
      const elsewhere = await ObjectsWorld.create(db);
      const foreignTeam = await addTeam(elsewhere, "Not ours");
      const project = await world.createObject(manager, { type: "project", title: "Redesign" });
      const foreign = await updateObjectDetails(db, manager, { id: project.id, version: 1, teamId: foreignTeam });
      expect(foreign.ok || foreign.error.fields).toEqual({ teamId: "This team does not exist." });
      const edited = dataOf(
        await updateObjectDetails(db, manager, { id: project.id, version: 1, teamId: team, status: "active", startDate: "2026-01-01", dueDate: "2026-12-31" }),
      );
      expect(edited).toMatchObject({ team: { id: team, name: "Seals" }, status: "active", startDate: "2026-01-01", dueDate: "2026-12-31", version: 2 });
      expect(dataOf(await updateObjectDetails(db, manager, { id: project.id, version: 2, teamId: null, dueDate: null }))).toMatchObject({ team: null, dueDate: null });
    });
  });

  describe("manufacturing orders", () => {
    async function order(manager: ActingUser, world: ObjectsWorld) {
      return world.createObject(manager, { type: "manufacturing_order", title: "Batch 1", details: { quantity: 10 } });
    }

    it("move planned → in progress → done, recording when work started and finished", async () => {
      const { world, manager } = await lyonAndToulouse();
      const made = await order(manager, world);
      const started = dataOf(await updateObjectDetails(db, manager, { id: made.id, version: 1, status: "in_progress" }));
      expect(started).toMatchObject({ status: "in_progress", nextStatuses: ["done", "cancelled"], finishedAt: null });
      expect(started.type === "manufacturing_order" && started.startedAt).toEqual(expect.any(String));
      const finished = dataOf(await updateObjectDetails(db, manager, { id: made.id, version: 2, status: "done" }));
      expect(finished).toMatchObject({ status: "done", nextStatuses: [], startedAt: started.type === "manufacturing_order" ? started.startedAt : null });
      expect(finished.type === "manufacturing_order" && finished.finishedAt).toEqual(expect.any(String));
    });

    it("refuse any other move with a clear message", async () => {
      const { world, manager } = await lyonAndToulouse();
      const made = await order(manager, world);
      expect(await updateObjectDetails(db, manager, { id: made.id, version: 1, status: "done" })).toEqual({
        ok: false,
        error: {
          code: "invalid",
          message:
            "A manufacturing order cannot go from Planned to Done: it goes from Planned to In progress to Done, and can be cancelled until it is done.",
          fields: { status: "The order cannot take this status from its current one." },
        },
      });
      dataOf(await updateObjectDetails(db, manager, { id: made.id, version: 1, status: "cancelled" }));
      const reopened = await updateObjectDetails(db, manager, { id: made.id, version: 2, status: "planned" });
      expect(reopened.ok || reopened.error.message).toBe(
        "A manufacturing order cannot go from Cancelled to Planned: it goes from Planned to In progress to Done, and can be cancelled until it is done.",
      );
      const [row] = await db.select().from(manufacturingOrders).where(eq(manufacturingOrders.objectId, made.id));
      expect(row).toMatchObject({ status: "cancelled", startedAt: null, finishedAt: null });
    });

    it("change product (a visible one, the link follows), quantity, site and planned dates", async () => {
      const { world, manager, admin } = await lyonAndToulouse();
      const first = await world.createObject(manager, { type: "product", title: "Pump" });
      const second = await world.createObject(manager, { type: "product", title: "Valve" });
      const hidden = await world.createObject(admin, { type: "product", title: "Hidden", scope: { kind: "sites", siteIds: [world.site("Toulouse")] } });
      const made = await world.createObject(manager, { type: "manufacturing_order", title: "Batch", details: { quantity: 1, productId: first.id } });

      const refused = await updateObjectDetails(db, manager, { id: made.id, version: 1, productId: hidden.id, siteId: world.site("Toulouse"), quantity: 0 });
      expect(refused.ok || refused.error.fields).toEqual({ quantity: "Make at least 1." });
      const unseen = await updateObjectDetails(db, manager, { id: made.id, version: 1, productId: hidden.id });
      expect(unseen.ok || unseen.error.fields).toEqual({ productId: "This product does not exist, or you do not have access to it." });
      await world.archiveSite("Toulouse");
      const archived = await updateObjectDetails(db, manager, { id: made.id, version: 1, siteId: world.site("Toulouse") });
      expect(archived.ok || archived.error.fields).toEqual({ siteId: "Pick an existing site that is not archived." });
      const backwards = await updateObjectDetails(db, manager, { id: made.id, version: 1, plannedStart: "2026-05-01", plannedEnd: "2026-04-01" });
      expect(backwards.ok || backwards.error.fields).toEqual({ plannedEnd: "The planned end comes before the planned start." });

      const edited = dataOf(
        await updateObjectDetails(db, manager, {
          id: made.id,
          version: 1,
          productId: second.id,
          quantity: 25,
          siteId: world.site("Lyon"),
          plannedStart: "2026-04-01",
          plannedEnd: "2026-05-01",
        }),
      );
      expect(edited).toMatchObject({
        product: { visible: true, id: second.id, title: "Valve" },
        quantity: 25,
        site: { name: "Lyon" },
        plannedStart: "2026-04-01",
        plannedEnd: "2026-05-01",
      });
      const links = await db.select().from(objectLinks).where(and(eq(objectLinks.fromObjectId, made.id), eq(objectLinks.kind, "mo_product")));
      expect(links.map((link) => link.toObjectId)).toEqual([second.id]);
      // The feed keeps that the product changed, not which products: some of its readers may not see them.
      const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.objectId, made.id), eq(activityEvents.kind, "details_updated")));
      // (The site was already Lyon, the origin site: unchanged, so not listed.)
      expect(event?.data.fields).toEqual(["quantity", "plannedStart", "plannedEnd", "productId"]);
      expect(JSON.stringify(event?.data)).not.toContain(first.id);
    });
  });

  describe("through /api/v1", () => {
    async function withToken(world: ObjectsWorld, role: "manager" | "viewer") {
      const service = await world.addUser({ role, sites: ["Lyon"] });
      await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
      const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `Sync ${role}`, serviceUserId: service.id }).returning();
      return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
    }

    function call(route: typeof detailsRoute, id: string, token: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      if (init.body) headers.set("content-type", "application/json");
      return route(new Request(`http://atelier.test/api/v1/objects/${id}/details`, { ...init, headers }), { params: Promise.resolve({ id }) });
    }

    it("reads and edits, strict per type: a field of another type or an unknown one is 422 naming it", async () => {
      const { world, manager, outsider } = await lyonAndToulouse();
      const token = await withToken(world, "manager");
      const part = await world.createObject(manager, { type: "part", title: "Shaft" });
      const hidden = await world.createObject(outsider, { type: "part", title: "Toulouse shaft" });

      const read = await call(detailsRoute, part.id, token);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id: part.id, type: "part", version: 1, referencedBy: [] });
      expect((await call(detailsRoute, hidden.id, token)).status).toBe(404);

      const wrongType = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1, quantity: 2 }) });
      expect(wrongType.status).toBe(422);
      expect(await wrongType.json()).toEqual({ error: { code: "invalid", message: "Some fields need attention.", fields: { quantity: "Not used for parts." } } });
      const unknown = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1, colour: "red" }) });
      expect(unknown.status).toBe(422);
      expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("colour");

      const edited = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1, status: "obsolete" }) });
      expect(edited.status).toBe(200);
      expect(await edited.json()).toMatchObject({ status: "obsolete", version: 2 });
      const staleEdit = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1, status: "released" }) });
      expect(staleEdit.status).toBe(409);
      const huge = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1e12, status: "released" }) });
      expect(huge.status).toBe(422);
    });

    it("answers 403 to a viewer's edit of an object they can see", async () => {
      const { world, manager } = await lyonAndToulouse();
      const token = await withToken(world, "viewer");
      const part = await world.createObject(manager, { type: "part", title: "Shaft" });
      const refused = await call(patchDetailsRoute, part.id, token, { method: "PATCH", body: JSON.stringify({ version: 1, status: "released" }) });
      expect(refused.status).toBe(403);
    });
  });
});
