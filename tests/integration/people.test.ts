import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as personRoute } from "@/app/api/v1/people/[id]/route";
import { getDb, type Database } from "@/db/client";
import { integrations, users } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { listObjectReferences } from "@/lib/object-details/list-object-references";
import { resolveRelationValues } from "@/lib/object-details/relation-values";
import { getPerson as getPersonService } from "@/lib/people/get-person";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const getPerson = async (...args: Parameters<typeof getPersonService>) => inEnglish(await getPersonService(...args));

describe("relation properties shown on both sides", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** Lyon and Toulouse, everyone views; products carry a "Quality lead" (a user) and a "Main part" (a part). */
  async function world() {
    const made = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const qualityLead = await made.addProperty("product", "Quality lead", "relation", { targetType: "user" });
    const mainPart = await made.addProperty("product", "Main part", "relation", { targetType: "part" });
    const mentor = await made.addProperty("user", "Mentor", "relation", { targetType: "user" });
    const lyon = await made.actor({ role: "manager", sites: ["Lyon"], name: "Lea Lyon" });
    const toulouse = await made.actor({ role: "manager", sites: ["Toulouse"], name: "Theo Toulouse" });
    const kiosk = await made.actor({ role: "shared_computer", sites: ["Lyon"] });
    const quentin = await made.addUser({ role: "viewer", sites: ["Lyon", "Toulouse"], name: "Quentin Quality" });
    const apprentice = await made.addUser({ role: "viewer", sites: ["Lyon"], name: "Anna Apprentice", properties: { [mentor.id]: [quentin.id] } });
    return { made, qualityLead, mainPart, lyon, toulouse, kiosk, quentin, apprentice };
  }

  it("a person's page lists only the objects the reader can view that name them, grouped by property", async () => {
    const { made, qualityLead, lyon, toulouse, kiosk, quentin, apprentice } = await world();
    const lyonPump = await made.createObject(lyon, { type: "product", title: "Lyon pump", properties: { [qualityLead.id]: [quentin.id] } });
    const toulousePump = await made.createObject(toulouse, { type: "product", title: "Toulouse pump", properties: { [qualityLead.id]: [quentin.id] } });
    await made.createObject(lyon, { type: "product", title: "Unrelated pump" });

    const seenFromLyon = dataOf(await getPerson(db, await made.refresh(lyon), { id: quentin.id }));
    expect(seenFromLyon.person).toEqual({
      id: quentin.id,
      name: "Quentin Quality",
      email: quentin.email,
      role: "viewer",
      kind: "person",
      active: true,
      sites: [
        { id: made.site("Lyon"), name: "Lyon", archived: false },
        { id: made.site("Toulouse"), name: "Toulouse", archived: false },
      ],
    });
    const carriers = (page: typeof seenFromLyon) =>
      page.referencedBy.map((backlink) => [backlink.property.name, backlink.carriers.map((carrier) => (carrier.kind === "object" ? carrier.title : carrier.name))]);
    expect(carriers(seenFromLyon)).toEqual([
      ["Mentor", ["Anna Apprentice"]],
      ["Quality lead", ["Lyon pump"]],
    ]);
    expect(JSON.stringify(seenFromLyon)).not.toContain(toulousePump.id);

    const seenFromToulouse = dataOf(await getPerson(db, await made.refresh(toulouse), { id: quentin.id }));
    expect(carriers(seenFromToulouse)).toEqual([
      ["Mentor", ["Anna Apprentice"]],
      ["Quality lead", ["Toulouse pump"]],
    ]);
    // The kiosk may open a colleague's page too.
    expect(dataOf(await getPerson(db, await made.refresh(kiosk), { id: quentin.id })).referencedBy.flatMap((backlink) => backlink.carriers.map((c) => c.id))).toEqual([
      apprentice.id,
      lyonPump.id,
    ]);
  });

  it("another organisation's user, or no user, is not found", async () => {
    const { lyon } = await world();
    const elsewhere = await ObjectsWorld.create(db);
    const stranger = await elsewhere.addUser({ role: "admin" });
    const notFound = { ok: false, error: { code: "not_found", message: "This person does not exist." } };
    expect(await getPerson(db, lyon, { id: stranger.id })).toEqual(notFound);
    expect(await getPerson(db, lyon, { id: "00000000-0000-4000-8000-000000000000" })).toEqual(notFound);
  });

  it("an object shows the objects the reader can view that name it (Referenced by)", async () => {
    const { made, mainPart, lyon, toulouse } = await world();
    const shaft = await made.createObject(lyon, { type: "part", title: "Shaft", scope: { kind: "organization" } });
    const lyonPump = await made.createObject(lyon, { type: "product", title: "Lyon pump", properties: { [mainPart.id]: [shaft.id] } });
    const toulousePump = await made.createObject(toulouse, { type: "product", title: "Toulouse pump", properties: { [mainPart.id]: [shaft.id] } });

    const fromLyon = dataOf(await listObjectReferences(db, await made.refresh(lyon), { id: shaft.id }));
    expect(fromLyon.map((backlink) => [backlink.property.name, backlink.carriers.map((carrier) => carrier.id)])).toEqual([["Main part", [lyonPump.id]]]);
    const fromToulouse = dataOf(await listObjectReferences(db, await made.refresh(toulouse), { id: shaft.id }));
    expect(fromToulouse.flatMap((backlink) => backlink.carriers.map((carrier) => carrier.id))).toEqual([toulousePump.id]);

    const hiddenPart = await made.createObject(toulouse, { type: "part", title: "Toulouse part" });
    expect(inEnglish(await listObjectReferences(db, await made.refresh(lyon), { id: hiddenPart.id }))).toEqual({
      ok: false,
      error: { code: "not_found", message: "This object does not exist, or you do not have access to it." },
    });
  });

  it("resolves an object's relation values as the reader may see them", async () => {
    const { made, qualityLead, mainPart, lyon, toulouse, quentin } = await world();
    const lyonShaft = await made.createObject(lyon, { type: "part", title: "Lyon shaft" });
    const toulouseShaft = await made.createObject(toulouse, { type: "part", title: "Toulouse shaft" });
    const properties = { [qualityLead.id]: [quentin.id], [mainPart.id]: [lyonShaft.id, toulouseShaft.id] };
    const resolved = await resolveRelationValues(db, await made.refresh(lyon), { appliesTo: "product", properties });
    expect(resolved).toEqual({
      [qualityLead.id]: [{ kind: "user", id: quentin.id, name: "Quentin Quality", active: true }],
      [mainPart.id]: [
        { kind: "object", id: lyonShaft.id, type: "part", reference: lyonShaft.reference, title: "Lyon shaft" },
        { kind: "hidden", count: 1 },
      ],
    });
  });

  it("GET /api/v1/people/{id} answers the page, and 404 for another organisation's user", async () => {
    const { made, quentin } = await world();
    const service = await made.addUser({ role: "viewer", sites: ["Lyon"] });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: made.organizationId, name: "Directory", serviceUserId: service.id }).returning();
    const { token } = await issueApiToken(db, { organizationId: made.organizationId, integrationId: integration!.id, name: "test" });
    const stranger = await (await ObjectsWorld.create(db)).addUser({ role: "viewer" });
    const get = (id: string) =>
      personRoute(new Request(`http://atelier.test/api/v1/people/${id}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });

    const found = await get(quentin.id);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ person: { id: quentin.id, name: "Quentin Quality", role: "viewer" }, referencedBy: [{ property: { name: "Mentor" } }] });
    expect((await get(stranger.id)).status).toBe(404);
    expect((await get("not-an-id")).status).toBe(422);
  });
});
