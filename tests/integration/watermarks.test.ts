import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/watermarks/[id]/route";
import { GET as listRoute, POST as postRoute } from "@/app/api/v1/watermarks/route";
import { getDb, type Database } from "@/db/client";
import { auditLog, integrations, users, type Role } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { createWatermark } from "@/lib/watermarks/create-watermark";
import { matchingWatermarks } from "@/lib/watermarks/matching-watermarks";
import { updateWatermark } from "@/lib/watermarks/update-watermark";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("custom watermarks", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function tokenFor(world: ObjectsWorld, role: Role): Promise<string> {
    const service = await world.addUser({ role, name: `${role} connector` });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${role} ${service.id}`, serviceUserId: service.id }).returning();
    return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
  }

  function call(route: Handler, token: string, init: { method?: string; id?: string; query?: string; body?: unknown } = {}) {
    const headers = new Headers({ authorization: `Bearer ${token}`, "accept-language": "en" });
    if (init.body !== undefined) headers.set("content-type", "application/json");
    const path = init.id ? `/api/v1/watermarks/${init.id}` : "/api/v1/watermarks";
    const request = new Request(`http://atelier.test${path}${init.query ?? ""}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const params: Record<string, string> = init.id ? { id: init.id } : {};
    return route(request, { params: Promise.resolve(params) });
  }

  async function world() {
    const w = await ObjectsWorld.create(db);
    const confidentiality = await w.addProperty("document", "Confidentiality", "single_choice", { labels: ["Public", "Secret", "Restricted"] });
    const programmes = await w.addProperty("document", "Programmes", "multi_choice", { labels: ["A320", "A350"] });
    const customer = await w.addProperty("document", "Customer", "text");
    const department = await w.addProperty("user", "Department", "text");
    const admin = await w.actor({ role: "admin", name: "Ada Admin" });
    return { w, admin, confidentiality, programmes, customer, department };
  }

  it("lets Admins create, list, edit and delete watermarks through the API, versioned and audited", async () => {
    const { w, confidentiality } = await world();
    const token = await tokenFor(w, "admin");
    const created = await call(postRoute, token, {
      method: "POST",
      body: { name: "Secret", text: "SECRET", color: "#1D4ED8", triggerPropertyId: confidentiality.id, triggerValues: [confidentiality.option.Secret] },
    });
    expect(created.status).toBe(201);
    const watermark = await created.json();
    expect(watermark).toMatchObject({ name: "Secret", text: "SECRET", color: "#1d4ed8", triggerValues: [confidentiality.option.Secret], enabled: true, version: 1 });

    const listed = await (await call(listRoute, token)).json();
    expect(listed.items.map((item: { name: string }) => item.name)).toEqual(["Secret"]);

    const patched = await call(patchRoute, token, { method: "PATCH", id: watermark.id, body: { text: "TOP SECRET", version: 1 } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ text: "TOP SECRET", version: 2 });

    const stale = await call(patchRoute, token, { method: "PATCH", id: watermark.id, body: { text: "Again", version: 1 } });
    expect(stale.status).toBe(409);
    const missingVersion = await call(patchRoute, token, { method: "PATCH", id: watermark.id, body: { text: "Again" } });
    expect(missingVersion.status).toBe(422);
    expect((await missingVersion.json()).error.fields).toHaveProperty("version");
    const unknownField = await call(postRoute, token, { method: "POST", body: { name: "X", text: "X", opacity: 0.5 } });
    expect(unknownField.status).toBe(422);
    expect((await unknownField.json()).error.fields).toHaveProperty("opacity");

    const deleted = await call(deleteRoute, token, { method: "DELETE", id: watermark.id, query: "?version=2" });
    expect(deleted.status).toBe(200);
    expect((await (await call(listRoute, token)).json()).items).toEqual([]);
    expect((await call(deleteRoute, token, { method: "DELETE", id: watermark.id })).status).toBe(404);
    expect((await call(deleteRoute, token, { method: "DELETE", id: "not-a-uuid" })).status).toBe(404);

    const audited = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, w.organizationId), eq(auditLog.targetType, "watermark")))
      .orderBy(auditLog.id);
    expect(audited.map((row) => row.action)).toEqual(["watermark.created", "watermark.updated", "watermark.deleted"]);
  });

  it("refuses other roles and malformed triggers", async () => {
    const { w, admin, customer, department, confidentiality } = await world();
    for (const role of ["manager", "viewer", "shared_computer"] as const) {
      const token = await tokenFor(w, role);
      expect((await call(listRoute, token)).status).toBe(403);
      expect((await call(postRoute, token, { method: "POST", body: { name: "X", text: "X" } })).status).toBe(403);
    }
    const refusals = await Promise.all([
      createWatermark(db, admin, { name: "User prop", text: "X", triggerPropertyId: department.id, triggerValues: ["R&D"] }),
      createWatermark(db, admin, { name: "No values", text: "X", triggerPropertyId: customer.id, triggerValues: [] }),
      createWatermark(db, admin, { name: "Values alone", text: "X", triggerValues: ["Airbus"] }),
      createWatermark(db, admin, { name: "Bad option", text: "X", triggerPropertyId: confidentiality.id, triggerValues: ["Secret"] }),
      createWatermark(db, admin, { name: "Bad colour", text: "X", color: "red" }),
      createWatermark(db, admin, { name: "Nul\u0000", text: "X".repeat(81) }),
    ]);
    expect(refusals.map((result) => (result.ok ? "ok" : Object.keys(result.error.fields ?? {}).join(",")))).toEqual([
      "triggerPropertyId",
      "triggerValues",
      "triggerPropertyId",
      "triggerValues",
      "color",
      "text",
    ]);
  });

  it("applies a watermark to the objects whose trigger property holds one of its values", async () => {
    const { admin, confidentiality, programmes, customer } = await world();
    const option = (label: string) => confidentiality.option[label]!;
    dataOf(await createWatermark(db, admin, { name: "Everywhere", text: "INTERNAL" }));
    dataOf(await createWatermark(db, admin, { name: "Secret", text: "SECRET", triggerPropertyId: confidentiality.id, triggerValues: [option("Secret"), option("Restricted")] }));
    dataOf(await createWatermark(db, admin, { name: "A350", text: "A350 PROGRAMME", triggerPropertyId: programmes.id, triggerValues: [programmes.option.A350!] }));
    dataOf(await createWatermark(db, admin, { name: "Airbus", text: "AIRBUS", triggerPropertyId: customer.id, triggerValues: ["Airbus"] }));
    const off = dataOf(await createWatermark(db, admin, { name: "Off", text: "OFF" }));
    dataOf(await updateWatermark(db, admin, { id: off.id, enabled: false, version: off.version }));

    const texts = async (properties: Record<string, unknown>) => (await matchingWatermarks(db, admin.organizationId, properties)).map((w) => w.text);
    expect(await texts({})).toEqual(["INTERNAL"]);
    expect(await texts({ [confidentiality.id]: option("Public") })).toEqual(["INTERNAL"]);
    expect(await texts({ [confidentiality.id]: option("Restricted") })).toEqual(["INTERNAL", "SECRET"]);
    expect(await texts({ [programmes.id]: [programmes.option.A320, programmes.option.A350] })).toEqual(["A350 PROGRAMME", "INTERNAL"]);
    expect(await texts({ [programmes.id]: [programmes.option.A320] })).toEqual(["INTERNAL"]);
    expect(await texts({ [customer.id]: "Airbus" })).toEqual(["AIRBUS", "INTERNAL"]);
    expect(await texts({ [customer.id]: "airbus" })).toEqual(["INTERNAL"]);
  });
});
