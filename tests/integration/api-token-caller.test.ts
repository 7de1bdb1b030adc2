import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listObjectsRoute, POST as createObjectRoute } from "@/app/api/v1/objects/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { getDb, type Database } from "@/db/client";
import { integrationLog, integrations, integrationTokens, users } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { dataOf } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

// An integration's bearer token acts as its service account (API.md): the real /api/v1 route handlers are called
// with a plain Request carrying `Authorization: Bearer …`, and answer exactly what that account's role, sites and
// rules allow — compared with the service the pages use, for a person with the same role, sites and properties.

const base = "http://atelier.test";
const noParams = { params: Promise.resolve({}) };

function call(route: (request: Request, context: typeof noParams) => Promise<Response>, path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
  return route(new Request(`${base}${path}`, { ...init, headers }), noParams);
}

describe("bearer tokens of integrations", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function worldWithIntegration() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true }, objects: {} },
        { name: "Managers edit", level: "modify", users: { roles: ["manager"] }, objects: {} },
      ],
    });
    const lyonManager = await world.actor({ role: "manager", sites: ["Lyon"] });
    const toulouseManager = await world.actor({ role: "manager", sites: ["Toulouse"] });
    const lyonShared = await world.createObject(lyonManager, { type: "part", title: "Lyon bracket" });
    const toulouseOnly = await world.createObject(toulouseManager, { type: "part", title: "Toulouse bracket" });
    const everywhere = await world.createObject(toulouseManager, { type: "part", title: "Common bracket", scope: { kind: "organization" } });
    const privateOne = await world.createObject(lyonManager, { type: "part", title: "Private bracket", scope: { kind: "owner" } });

    const service = await world.addUser({ role: "viewer", sites: ["Lyon"], name: "ERP connector" });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db
      .insert(integrations)
      .values({ organizationId: world.organizationId, name: "ERP", serviceUserId: service.id })
      .returning({ id: integrations.id });
    const issued = await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "nightly sync" });
    const lyonViewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    return { world, service, integrationId: integration!.id, issued, lyonViewer, objects: { lyonShared, toulouseOnly, everywhere, privateOne } };
  }

  it("answers as the service account: its role, sites and rules, nothing more", async () => {
    const { issued, lyonViewer, service, objects } = await worldWithIntegration();

    const me = await call(meRoute, "/api/v1/me", { token: issued.token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: service.id, role: "viewer" });

    const listed = await call(listObjectsRoute, "/api/v1/objects?limit=200", { token: issued.token });
    expect(listed.status).toBe(200);
    const ids = ((await listed.json()) as { items: { id: string }[] }).items.map((item) => item.id).sort();
    const personSees = dataOf(await listVisibleObjects(db, lyonViewer, { limit: 200 })).items.map((item) => item.id).sort();
    expect(ids).toEqual(personSees);
    expect(ids).toEqual([objects.lyonShared.id, objects.everywhere.id].sort());

    // A Viewer may not create, whatever the token: 403, and no Origin is needed for a token (no ambient credential).
    const created = await call(createObjectRoute, "/api/v1/objects", {
      token: issued.token,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "part", title: "From the ERP" }),
    });
    expect(created.status).toBe(403);
  });

  it("refuses a wrong, revoked or expired token with 401, and an inactive service account too", async () => {
    const { issued, world, integrationId, service } = await worldWithIntegration();
    expect((await call(meRoute, "/api/v1/me", { token: `${issued.token}x` })).status).toBe(401);
    expect((await call(meRoute, "/api/v1/me", { token: "not-a-token" })).status).toBe(401);
    const malformed = await meRoute(new Request(`${base}/api/v1/me`, { headers: { authorization: "Basic abc" } }), noParams);
    expect(malformed.status).toBe(401);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");

    expect((await call(meRoute, "/api/v1/me", { token: issued.token })).status).toBe(200);
    await db.update(integrationTokens).set({ revokedAt: new Date() }).where(eq(integrationTokens.id, issued.id));
    expect((await call(meRoute, "/api/v1/me", { token: issued.token })).status).toBe(401);

    const expiring = await issueApiToken(db, {
      organizationId: world.organizationId,
      integrationId,
      name: "expired",
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await call(meRoute, "/api/v1/me", { token: expiring.token })).status).toBe(401);

    const fresh = await issueApiToken(db, { organizationId: world.organizationId, integrationId, name: "fresh" });
    expect((await call(meRoute, "/api/v1/me", { token: fresh.token })).status).toBe(200);
    await db.update(users).set({ active: false }).where(eq(users.id, service.id));
    expect((await call(meRoute, "/api/v1/me", { token: fresh.token })).status).toBe(401);
  });

  it("writes every call made with a token to the integration log", async () => {
    const { issued, integrationId } = await worldWithIntegration();
    await call(meRoute, "/api/v1/me", { token: issued.token });
    await call(listObjectsRoute, "/api/v1/objects?limit=-1", { token: issued.token });
    const rows = await db
      .select({ method: integrationLog.method, path: integrationLog.path, status: integrationLog.status, tokenId: integrationLog.tokenId })
      .from(integrationLog)
      .where(eq(integrationLog.integrationId, integrationId))
      .orderBy(integrationLog.id);
    expect(rows).toEqual([
      { method: "GET", path: "/api/v1/me", status: 200, tokenId: issued.id },
      { method: "GET", path: "/api/v1/objects", status: 422, tokenId: issued.id },
    ]);
  });
});
