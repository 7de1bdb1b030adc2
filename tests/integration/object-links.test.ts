import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listLinksRoute, POST as createLinkRoute } from "@/app/api/v1/objects/[id]/links/route";
import { DELETE as removeLinkRoute, PATCH as updateLinkRoute } from "@/app/api/v1/objects/[id]/links/[linkId]/route";
import { getDb, type Database } from "@/db/client";
import { activityEvents, integrations, objectLinks, users } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { createObjectLink as createObjectLinkService } from "@/lib/links/create-object-link";
import { findVisibleReference } from "@/lib/links/find-visible-reference";
import { listObjectLinks as listObjectLinksService } from "@/lib/links/list-object-links";
import { removeObjectLink as removeObjectLinkService } from "@/lib/links/remove-object-link";
import { updateLinkQuantity as updateLinkQuantityService } from "@/lib/links/update-link-quantity";
import { getObject } from "@/lib/objects/get-object";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const createObjectLink = async (...args: Parameters<typeof createObjectLinkService>) => inEnglish(await createObjectLinkService(...args));
const listObjectLinks = async (...args: Parameters<typeof listObjectLinksService>) => inEnglish(await listObjectLinksService(...args));
const updateLinkQuantity = async (...args: Parameters<typeof updateLinkQuantityService>) => inEnglish(await updateLinkQuantityService(...args));
const removeObjectLink = async (...args: Parameters<typeof removeObjectLinkService>) => inEnglish(await removeObjectLinkService(...args));

const objectNotFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const targetNotFound = { ok: false, error: { code: "not_found", message: "The object to link does not exist, or you do not have access to it." } };
const linkNotFound = { ok: false, error: { code: "not_found", message: "This link does not exist, or you do not have access to it." } };
const forbiddenByRole = { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };
const forbiddenByLevel = { ok: false, error: { code: "forbidden", message: "Your access to this object does not allow this." } };
const unknownId = "00000000-0000-4000-8000-000000000000";

describe("links between objects", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /**
   * Lyon and Toulouse. Everyone views; Managers modify parts and products only (documents stay at view); Admins have
   * full access. A Lyon product with a Lyon part and a Toulouse part (linked by a manager of both sites), and a Lyon
   * document related to the Lyon part.
   */
  async function workshop() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify parts and products", level: "modify", users: { roles: ["manager"] }, objects: { types: ["part", "product"] } },
        { name: "Admins have full access", level: "full", users: { roles: ["admin"] } },
      ],
    });
    const lyonManager = await world.actor({ role: "manager", sites: ["Lyon"] });
    const toulouseManager = await world.actor({ role: "manager", sites: ["Toulouse"] });
    const bothManager = await world.actor({ role: "manager", sites: ["Lyon", "Toulouse"] });
    const lyonViewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const lyonKiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"] });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"] });
    const pump = await world.createObject(lyonManager, { type: "product", title: "Pump" });
    const bracket = await world.createObject(lyonManager, { type: "part", title: "Lyon bracket" });
    const seal = await world.createObject(toulouseManager, { type: "part", title: "Toulouse seal" });
    const drawing = await world.createObject(admin, { type: "document", title: "Pump drawing" });
    return { world, lyonManager, toulouseManager, bothManager, lyonViewer, lyonKiosk, admin, pump, bracket, seal, drawing };
  }

  const summary = (items: { object: { reference: string }; kind: string; direction: string; quantity: number | null; canEdit: boolean }[]) =>
    items.map(({ object, kind, direction, quantity, canEdit }) => ({ reference: object.reference, kind, direction, quantity, canEdit }));

  it("lists an object's links both ways, showing only the objects the caller can view", async () => {
    const { bothManager, lyonManager, lyonViewer, toulouseManager, admin, pump, bracket, seal, drawing } = await workshop();
    dataOf(await createObjectLink(db, bothManager, { id: pump.id, targetId: bracket.id, kind: "product_part", quantity: 2 }));
    dataOf(await createObjectLink(db, bothManager, { id: pump.id, targetId: seal.id, kind: "product_part", quantity: 4 }));
    dataOf(await createObjectLink(db, admin, { id: drawing.id, targetId: bracket.id, kind: "related" }));

    // Outgoing: the Toulouse seal is left out for Lyon users, as if the link did not exist.
    expect(summary(dataOf(await listObjectLinks(db, bothManager, { id: pump.id })).items)).toEqual([
      { reference: "PRT-000001", kind: "product_part", direction: "outgoing", quantity: 2, canEdit: true },
      { reference: "PRT-000002", kind: "product_part", direction: "outgoing", quantity: 4, canEdit: true },
    ]);
    expect(summary(dataOf(await listObjectLinks(db, lyonViewer, { id: pump.id })).items)).toEqual([
      { reference: "PRT-000001", kind: "product_part", direction: "outgoing", quantity: 2, canEdit: false },
    ]);
    // Incoming, sorted by kind: related first. The Lyon manager may change the product's links (Modify on products),
    // not the document's (view only).
    expect(summary(dataOf(await listObjectLinks(db, lyonManager, { id: bracket.id })).items)).toEqual([
      { reference: "DOC-000001", kind: "related", direction: "incoming", quantity: null, canEdit: false },
      { reference: "PRD-000001", kind: "product_part", direction: "incoming", quantity: 2, canEdit: true },
    ]);
    // The Toulouse manager sees the seal but not the Lyon product it belongs to.
    expect(dataOf(await listObjectLinks(db, toulouseManager, { id: seal.id })).items).toEqual([]);
    // Access never flows through a link.
    expect(inEnglish(await getObject(db, lyonViewer, { id: seal.id }))).toEqual(objectNotFound);
    // An object the caller cannot view has no links to list.
    expect(await listObjectLinks(db, lyonViewer, { id: seal.id })).toEqual(objectNotFound);
  });

  it("pages an object's links by kind and reference", async () => {
    const { world, lyonManager, pump } = await workshop();
    const parts = [];
    for (const title of ["Nut", "Bolt", "Washer"]) parts.push(await world.createObject(lyonManager, { type: "part", title }));
    for (const part of parts) dataOf(await createObjectLink(db, lyonManager, { id: pump.id, targetId: part.id, kind: "bom", quantity: 1 }));
    dataOf(await createObjectLink(db, lyonManager, { id: pump.id, targetId: parts[0]!.id, kind: "related" }));

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = dataOf(await listObjectLinks(db, lyonManager, { id: pump.id, limit: 1, cursor }));
      seen.push(...page.items.map((item) => `${item.kind} ${item.object.reference}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["related PRT-000003", "bom PRT-000003", "bom PRT-000004", "bom PRT-000005"]);
    const bad = await listObjectLinks(db, lyonManager, { id: pump.id, cursor: "not-a-cursor" });
    expect(bad.ok || bad.error.code).toBe("invalid");
  });

  it("links only with link access on the source: 403 for a Viewer, a shared computer or a level below Modify", async () => {
    const { lyonViewer, lyonKiosk, lyonManager, pump, bracket, drawing } = await workshop();
    expect(await createObjectLink(db, lyonViewer, { id: pump.id, targetId: bracket.id, kind: "product_part" })).toEqual(forbiddenByRole);
    expect(await createObjectLink(db, lyonKiosk, { id: pump.id, targetId: bracket.id, kind: "product_part" })).toEqual(forbiddenByRole);
    // Managers only view documents here: linking from one is beyond their level, linking to one is fine.
    expect(await createObjectLink(db, lyonManager, { id: drawing.id, targetId: bracket.id, kind: "related" })).toEqual(forbiddenByLevel);
    dataOf(await createObjectLink(db, lyonManager, { id: bracket.id, targetId: drawing.id, kind: "related" }));
    expect(await db.select().from(objectLinks).where(eq(objectLinks.fromObjectId, pump.id))).toEqual([]);
  });

  it("answers an invisible target exactly as an unknown one, and an invisible source as any invisible object", async () => {
    const { world, lyonManager, pump, seal } = await workshop();
    const elsewhere = await workshop();
    const invisible = await createObjectLink(db, lyonManager, { id: pump.id, targetId: seal.id, kind: "product_part" });
    expect(invisible).toEqual(targetNotFound);
    expect(await createObjectLink(db, lyonManager, { id: pump.id, targetId: unknownId, kind: "product_part" })).toEqual(targetNotFound);
    expect(await createObjectLink(db, lyonManager, { id: pump.id, targetId: elsewhere.bracket.id, kind: "product_part" })).toEqual(targetNotFound);
    expect(await createObjectLink(db, lyonManager, { id: seal.id, targetId: pump.id, kind: "related" })).toEqual(objectNotFound);
    expect(await db.select().from(objectLinks).where(eq(objectLinks.organizationId, world.organizationId))).toEqual([]);
  });

  it("keeps to sensible kinds, refuses self links and duplicates, and gives parts a quantity", async () => {
    const { world, lyonManager, admin, pump, bracket, drawing } = await workshop();
    const wrongKind = await createObjectLink(db, admin, { id: drawing.id, targetId: bracket.id, kind: "product_part" });
    expect(wrongKind.ok || wrongKind.error.fields).toEqual({ kind: "A product's parts link a product to a part." });
    const backwards = await createObjectLink(db, lyonManager, { id: bracket.id, targetId: pump.id, kind: "bom" });
    expect(backwards.ok || backwards.error.fields).toEqual({ kind: "A bill-of-materials line links a product or a part to a part." });
    const self = await createObjectLink(db, lyonManager, { id: pump.id, targetId: pump.id, kind: "related" });
    expect(self.ok || self.error.fields).toEqual({ targetId: "An object cannot be linked to itself." });
    const quantityOnRelated = await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "related", quantity: 2 });
    expect(quantityOnRelated.ok || quantityOnRelated.error.fields).toEqual({ quantity: "Only a product's parts and bill-of-materials lines have a quantity." });
    const badQuantity = await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "bom", quantity: 0.00001 });
    expect(badQuantity.ok || badQuantity.error.fields).toEqual({ quantity: "Use at most 4 decimals." });
    const unknownKind = await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "mo_product" } as never);
    expect(unknownKind.ok || Object.keys(unknownKind.error.fields ?? {})).toEqual(["kind"]);

    const part = dataOf(await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "product_part" }));
    expect(part).toMatchObject({ kind: "product_part", direction: "outgoing", quantity: 1, version: 1, object: { id: bracket.id, reference: "PRT-000001", title: "Lyon bracket", type: "part" } });
    expect(await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "product_part", quantity: 3 })).toEqual({
      ok: false,
      error: { code: "conflict", message: "These objects are already linked this way." },
    });
    // A related link is one link whichever way it was made.
    dataOf(await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "related" }));
    const mirror = await createObjectLink(db, lyonManager, { id: bracket.id, targetId: pump.id, kind: "related" });
    expect(mirror.ok || mirror.error.code).toBe("conflict");
    expect(await db.select().from(objectLinks).where(eq(objectLinks.organizationId, world.organizationId))).toHaveLength(2);
  });

  it("of two related links made both ways at the same time, one is made and the other is a duplicate", async () => {
    const { world, lyonManager, pump, bracket } = await workshop();
    const results = await Promise.all([
      createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "related" }),
      createObjectLink(db, lyonManager, { id: bracket.id, targetId: pump.id, kind: "related" }),
    ]);
    expect(results.map((result) => result.ok || result.error.code).sort()).toEqual(["conflict", true]);
    expect(await db.select().from(objectLinks).where(eq(objectLinks.organizationId, world.organizationId))).toHaveLength(1);
  });

  it("changes a quantity at the version read, removes a link from either end, and records both in the source's feed", async () => {
    const { lyonManager, bothManager, lyonViewer, pump, bracket, seal } = await workshop();
    const link = dataOf(await createObjectLink(db, lyonManager, { id: pump.id, targetId: bracket.id, kind: "product_part", quantity: 2 }));

    const changed = dataOf(await updateLinkQuantity(db, lyonManager, { id: pump.id, linkId: link.id, version: 1, quantity: "3,5" }));
    expect(changed).toMatchObject({ id: link.id, quantity: 3.5, version: 2, direction: "outgoing" });
    expect(await updateLinkQuantity(db, lyonManager, { id: pump.id, linkId: link.id, version: 1, quantity: 4 })).toEqual({
      ok: false,
      error: { code: "conflict", message: "This link was changed by someone else since you opened it. Reload to see the change." },
    });
    expect(await updateLinkQuantity(db, lyonViewer, { id: pump.id, linkId: link.id, version: 2, quantity: 4 })).toEqual(forbiddenByRole);

    // A link of another object is not this object's link.
    const sealLink = dataOf(await createObjectLink(db, bothManager, { id: pump.id, targetId: seal.id, kind: "product_part" }));
    expect(await removeObjectLink(db, lyonManager, { id: bracket.id, linkId: sealLink.id })).toEqual(linkNotFound);
    // A link whose other end the caller cannot view was never listed to them: not found, whichever end they name.
    expect(await removeObjectLink(db, lyonManager, { id: pump.id, linkId: sealLink.id })).toEqual(linkNotFound);
    expect(await removeObjectLink(db, lyonManager, { id: seal.id, linkId: sealLink.id })).toEqual(linkNotFound);

    // From the part's page: the link is incoming, and link access is decided on the product.
    expect(dataOf(await removeObjectLink(db, lyonManager, { id: bracket.id, linkId: link.id, version: 2 }))).toEqual({ id: link.id });
    expect(dataOf(await listObjectLinks(db, lyonManager, { id: pump.id })).items).toEqual([]);
    expect(await removeObjectLink(db, lyonManager, { id: pump.id, linkId: link.id })).toEqual(linkNotFound);

    const events = await db
      .select({ kind: activityEvents.kind, actorId: activityEvents.actorId, data: activityEvents.data })
      .from(activityEvents)
      .where(eq(activityEvents.objectId, pump.id));
    expect(events.filter((event) => event.kind !== "created")).toEqual(
      expect.arrayContaining([
        { kind: "linked", actorId: lyonManager.id, data: { linkId: link.id, kind: "product_part", targetId: bracket.id } },
        { kind: "unlinked", actorId: lyonManager.id, data: { linkId: link.id, kind: "product_part", targetId: bracket.id } },
      ]),
    );
    // The target's feed says nothing: its readers may not see the source.
    expect((await db.select().from(activityEvents).where(eq(activityEvents.objectId, bracket.id))).map((event) => event.kind)).toEqual(["created"]);
  });

  it("shows a manufacturing order's product link but leaves it to the order", async () => {
    const { world, lyonManager, admin, pump } = await workshop();
    const order = await world.createObject(lyonManager, { type: "manufacturing_order", title: "MO", details: { quantity: 5, productId: pump.id } });
    const [incoming] = dataOf(await listObjectLinks(db, lyonManager, { id: pump.id })).items;
    expect(incoming).toMatchObject({ kind: "mo_product", direction: "incoming", canEdit: false, object: { id: order.id } });
    // Even an Admin with full access to the order.
    expect(await removeObjectLink(db, admin, { id: pump.id, linkId: incoming!.id })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "This link follows the manufacturing order's product: change the product on the order." },
    });
  });

  it("finds a typed reference among the objects the caller can view only", async () => {
    const { lyonManager, bracket, seal } = await workshop();
    expect(await findVisibleReference(db, lyonManager, "prt-1")).toBe(bracket.id);
    expect(await findVisibleReference(db, lyonManager, seal.reference)).toBeNull();
    expect(await findVisibleReference(db, lyonManager, "bracket")).toBeNull();
  });

  describe("through /api/v1", () => {
    async function tokenFor(world: ObjectsWorld, role: "viewer" | "manager", sites: string[]): Promise<string> {
      const service = await world.addUser({ role, sites, name: `${role} connector` });
      await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
      const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${role} ${service.id}`, serviceUserId: service.id }).returning();
      return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
    }

    function call(
      route: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
      params: Record<string, string>,
      token: string,
      init: { method?: string; query?: string; body?: unknown } = {},
    ) {
      const headers = new Headers({ authorization: `Bearer ${token}` });
      if (init.body !== undefined) headers.set("content-type", "application/json");
      const request = new Request(`http://atelier.test/api/v1/objects/${params.id}/links${init.query ?? ""}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return route(request, { params: Promise.resolve(params) });
    }

    it("answers 201, 403, 404 alike for invisible and unknown, 409, 422 naming an unknown field", async () => {
      const { world, pump, bracket, seal } = await workshop();
      const manager = await tokenFor(world, "manager", ["Lyon"]);
      const viewer = await tokenFor(world, "viewer", ["Lyon"]);

      const created = await call(createLinkRoute, { id: pump.id }, manager, { method: "POST", body: { targetId: bracket.id, kind: "product_part", quantity: 2 } });
      expect(created.status).toBe(201);
      const link = (await created.json()) as { id: string; version: number };
      expect((await call(createLinkRoute, { id: pump.id }, manager, { method: "POST", body: { targetId: bracket.id, kind: "product_part" } })).status).toBe(409);
      expect((await call(createLinkRoute, { id: pump.id }, viewer, { method: "POST", body: { targetId: bracket.id, kind: "related" } })).status).toBe(403);

      const invisible = await call(createLinkRoute, { id: pump.id }, manager, { method: "POST", body: { targetId: seal.id, kind: "product_part" } });
      const unknown = await call(createLinkRoute, { id: pump.id }, manager, { method: "POST", body: { targetId: unknownId, kind: "product_part" } });
      expect([invisible.status, unknown.status]).toEqual([404, 404]);
      expect(await invisible.json()).toEqual(await unknown.json());
      expect((await call(listLinksRoute, { id: seal.id }, viewer)).status).toBe(404);

      const strict = await call(createLinkRoute, { id: pump.id }, manager, { method: "POST", body: { targetId: bracket.id, kind: "related", pinned: true } });
      expect(strict.status).toBe(422);
      expect(((await strict.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("pinned");

      const listed = await call(listLinksRoute, { id: bracket.id }, viewer, { query: "?limit=10" });
      expect(listed.status).toBe(200);
      expect(await listed.json()).toMatchObject({ items: [{ id: link.id, direction: "incoming", quantity: 2, object: { id: pump.id } }], nextCursor: null });

      const patched = await call(updateLinkRoute, { id: bracket.id, linkId: link.id }, manager, { method: "PATCH", body: { version: 1, quantity: 6 } });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({ quantity: 6, version: 2 });
      expect((await call(updateLinkRoute, { id: bracket.id, linkId: link.id }, manager, { method: "PATCH", body: { quantity: 6 } })).status).toBe(422);
      expect((await call(removeLinkRoute, { id: pump.id, linkId: link.id }, viewer, { method: "DELETE" })).status).toBe(403);
      expect((await call(removeLinkRoute, { id: seal.id, linkId: link.id }, manager, { method: "DELETE" })).status).toBe(404);
      expect((await call(removeLinkRoute, { id: pump.id, linkId: link.id }, manager, { method: "DELETE", query: "?version=2" })).status).toBe(200);
    });
  });
});

