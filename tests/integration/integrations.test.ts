import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as integrationLogRoute } from "@/app/api/v1/integration-log/route";
import { POST as revokeRoute } from "@/app/api/v1/integration-tokens/[id]/revoke/route";
import { GET as integrationRoute } from "@/app/api/v1/integrations/[id]/route";
import { GET as integrationsRoute, POST as createIntegrationRoute } from "@/app/api/v1/integrations/route";
import { GET as listObjectsRoute, POST as createObjectRoute } from "@/app/api/v1/objects/route";
import { getDb, type Database } from "@/db/client";
import { integrationLog, integrationRateWindows, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { createIntegration } from "@/lib/integrations/create-integration";
import { createIntegrationToken } from "@/lib/integrations/create-integration-token";
import { deactivateIntegration } from "@/lib/integrations/deactivate-integration";
import { listIntegrationLog } from "@/lib/integrations/list-integration-log";
import { pruneIntegrationLog, pruneIntegrationLogJob } from "@/lib/integrations/prune-integration-log";
import { revokeIntegrationToken } from "@/lib/integrations/revoke-integration-token";
import { rotateIntegrationToken } from "@/lib/integrations/rotate-integration-token";
import { updateIntegration } from "@/lib/integrations/update-integration";
import { listObjectsRelatedToUser } from "@/lib/users/user-details";
import { listUsersForAdmin } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { dataOf } from "../fixtures/results";
import { uniqueAddress } from "../fixtures/users";
import { ObjectsWorld } from "./objects-world";

// Admin → Integrations (SPEC §8, API.md "Authentication"): an integration is a service account and its tokens; the
// real /api/v1 route handlers are called with `Authorization: Bearer …` and answer as that account.

const base = "http://atelier.test";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(route: Handler, path: string, init: RequestInit & { token?: string; params?: Record<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return route(new Request(`${base}${path}`, { ...init, headers }), { params: Promise.resolve(init.params ?? {}) });
}

describe("integrations", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function lyonWorld() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true }, objects: {} },
        { name: "Managers edit", level: "modify", users: { roles: ["manager"] }, objects: {} },
      ],
    });
    const admin = await world.actor({ role: "admin", sites: ["Lyon", "Toulouse"] });
    const lyonManager = await world.actor({ role: "manager", sites: ["Lyon"] });
    const toulouseManager = await world.actor({ role: "manager", sites: ["Toulouse"] });
    await world.createObject(lyonManager, { type: "part", title: "Lyon bracket" });
    await world.createObject(toulouseManager, { type: "part", title: "Toulouse bracket" });
    await world.createObject(toulouseManager, { type: "document", title: "Common manual", scope: { kind: "organization" } });
    await world.createObject(lyonManager, { type: "part", title: "Private bracket", scope: { kind: "owner" } });
    return { world, admin };
  }

  it("acts as a Lyon viewer, is refused writes, is logged, and stops at once when revoked", async () => {
    const { world, admin } = await lyonWorld();
    const created = dataOf(
      await createIntegration(db, admin, { name: "ERP connector", role: "viewer", siteIds: [world.site("Lyon")], tokenName: "nightly sync" }),
    );
    expect(created).toMatchObject({ name: "ERP connector", role: "viewer", siteIds: [world.site("Lyon")], active: true });
    expect(created.issuedToken.token).toMatch(/^atl_/);
    expect(created.tokens).toEqual([expect.objectContaining({ name: "nightly sync", state: "active", prefix: created.issuedToken.token.slice(0, 10) })]);
    expect(JSON.stringify(created.tokens)).not.toContain(created.issuedToken.token);
    const token = created.issuedToken.token;

    const listed = await call(listObjectsRoute, "/api/v1/objects?limit=200", { token });
    expect(listed.status).toBe(200);
    const seen = ((await listed.json()) as { items: { id: string; title: string }[] }).items.map((item) => item.id).sort();
    const lyonViewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
    const viewerSees = dataOf(await listVisibleObjects(db, lyonViewer, { limit: 200 })).items.map((item) => item.id).sort();
    expect(seen).toEqual(viewerSees);
    expect(seen).toHaveLength(2);

    const write = await call(createObjectRoute, "/api/v1/objects", { token, method: "POST", body: JSON.stringify({ type: "part", title: "From the ERP" }) });
    expect(write.status).toBe(403);

    const log = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id }));
    expect(log.items.map((entry) => [entry.method, entry.path, entry.status, entry.tokenName, entry.integrationName])).toEqual([
      ["POST", "/api/v1/objects", 403, "nightly sync", "ERP connector"],
      ["GET", "/api/v1/objects", 200, "nightly sync", "ERP connector"],
    ]);
    expect(dataOf(await listIntegrationLog(db, admin, { status: "4xx" })).items).toHaveLength(1);
    const apiLog = await call(integrationLogRoute, `/api/v1/integration-log?integrationId=${created.id}&status=200`, { token: await adminToken(world, admin) });
    expect(((await apiLog.json()) as { items: unknown[] }).items).toHaveLength(1);

    const revoked = dataOf(await revokeIntegrationToken(db, admin, { id: created.issuedToken.tokenId }));
    expect(revoked.state).toBe("revoked");
    expect((await call(listObjectsRoute, "/api/v1/objects", { token })).status).toBe(401);
    expect((await revokeIntegrationToken(db, admin, { id: created.issuedToken.tokenId })).ok).toBe(false);
  });

  /** A token of an Admin-role integration, to call the admin API itself with a bearer token. */
  async function adminToken(world: ObjectsWorld, admin: Awaited<ReturnType<ObjectsWorld["actor"]>>) {
    return dataOf(await createIntegration(db, admin, { name: `Admin robot ${world.organizationId.slice(0, 8)}`, role: "admin", rateLimitPerMinute: 1000 })).issuedToken.token;
  }

  it("refuses the 11th call of a minute to a token limited to 10, with Retry-After, and logs it", async () => {
    const { admin } = await lyonWorld();
    // The counter is per minute: should a minute boundary fall between the eleven calls (the count restarts), try
    // once more with a fresh token — two boundaries within one second cannot happen.
    for (let attempt = 0; attempt < 2; attempt++) {
      const created = dataOf(await createIntegration(db, admin, { name: `Chatty script ${attempt}`, role: "viewer", rateLimitPerMinute: 10 }));
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let n = 0; n < 11; n++) {
        last = await call(listObjectsRoute, "/api/v1/objects?limit=1", { token: created.issuedToken.token });
        statuses.push(last.status);
      }
      const windows = await db.select().from(integrationRateWindows).where(eq(integrationRateWindows.tokenId, created.issuedToken.tokenId));
      if (windows.length > 1) continue;
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(last!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
      const logged = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id, status: "429" }));
      expect(logged.items).toHaveLength(1);
      return;
    }
    throw new Error("two minute boundaries within eleven calls");
  });

  it("is Admin-only: other roles find neither the integrations nor the log (404)", async () => {
    const { world, admin } = await lyonWorld();
    const managerRobot = dataOf(await createIntegration(db, admin, { name: "Manager robot", role: "manager", siteIds: [world.site("Lyon")] }));
    const token = managerRobot.issuedToken.token;
    for (const [route, path, params] of [
      [integrationsRoute, "/api/v1/integrations", {}],
      [integrationRoute, `/api/v1/integrations/${managerRobot.id}`, { id: managerRobot.id }],
      [integrationLogRoute, "/api/v1/integration-log", {}],
    ] as const) {
      const answer = await call(route as Handler, path, { token, params });
      expect(answer.status).toBe(404);
    }
    const create = await call(createIntegrationRoute, "/api/v1/integrations", { token, method: "POST", body: JSON.stringify({ name: "Mine", role: "admin" }) });
    expect(create.status).toBe(404);
    const revoke = await call(revokeRoute as Handler, `/api/v1/integration-tokens/${managerRobot.issuedToken.tokenId}/revoke`, {
      token,
      method: "POST",
      params: { id: managerRobot.issuedToken.tokenId },
    });
    expect(revoke.status).toBe(404);
  });

  it("creates over the API, with strict input and the token shown once", async () => {
    const { world, admin } = await lyonWorld();
    const token = await adminToken(world, admin);
    const unknown = await call(createIntegrationRoute, "/api/v1/integrations", { token, method: "POST", body: JSON.stringify({ name: "X", role: "viewer", colour: "red" }) });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("colour");
    const shared = await call(createIntegrationRoute, "/api/v1/integrations", { token, method: "POST", body: JSON.stringify({ name: "X", role: "shared_computer" }) });
    expect(shared.status).toBe(422);
    const past = await call(createIntegrationRoute, "/api/v1/integrations", { token, method: "POST", body: JSON.stringify({ name: "X", role: "viewer", expiresAt: "2001-01-01" }) });
    expect(past.status).toBe(422);
    const created = await call(createIntegrationRoute, "/api/v1/integrations", {
      token,
      method: "POST",
      body: JSON.stringify({ name: "PLM bridge", role: "manager", siteIds: [world.site("Toulouse")], tokenName: "main", expiresAt: "2099-12-31" }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; version: number; issuedToken: { token: string }; tokens: { expiresAt: string }[] };
    expect(body.tokens[0]!.expiresAt).toBe("2099-12-31T23:59:59.999Z");
    const read = await call(integrationRoute, `/api/v1/integrations/${body.id}`, { token, params: { id: body.id } });
    expect(await read.text()).not.toContain(body.issuedToken.token);
    const list = await call(integrationsRoute, "/api/v1/integrations?limit=1", { token });
    const page = (await list.json()) as { items: { name: string }[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
  });

  it("rotates with or without a grace period, issues more tokens, edits and deactivates", async () => {
    const { world, admin } = await lyonWorld();
    const created = dataOf(await createIntegration(db, admin, { name: "Sync", role: "viewer" }));
    const second = dataOf(await createIntegrationToken(db, admin, { id: created.id, name: "backup", rateLimitPerMinute: 50 }));
    expect(second).toMatchObject({ name: "backup", rateLimitPerMinute: 50, state: "active" });

    const rotated = dataOf(await rotateIntegrationToken(db, admin, { id: created.issuedToken.tokenId }));
    expect(rotated.replaced.state).toBe("revoked");
    expect(rotated.rotatedFromId).toBe(created.issuedToken.tokenId);
    expect((await call(listObjectsRoute, "/api/v1/objects", { token: created.issuedToken.token })).status).toBe(401);
    expect((await call(listObjectsRoute, "/api/v1/objects", { token: rotated.token })).status).toBe(200);

    const graceful = dataOf(await rotateIntegrationToken(db, admin, { id: second.id, graceMinutes: 30 }));
    expect(graceful.replaced.state).toBe("active");
    expect(new Date(graceful.replaced.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(graceful.rateLimitPerMinute).toBe(50);
    expect((await call(listObjectsRoute, "/api/v1/objects", { token: second.token })).status).toBe(200);
    expect((await rotateIntegrationToken(db, admin, { id: created.issuedToken.tokenId })).ok).toBe(false);

    const stale = await updateIntegration(db, admin, { id: created.id, version: created.version + 5, role: "manager" });
    expect(stale.ok ? null : stale.error.code).toBe("conflict");
    const edited = dataOf(await updateIntegration(db, admin, { id: created.id, version: created.version, name: "Sync v2", role: "manager", siteIds: [world.site("Lyon")] }));
    expect(edited).toMatchObject({ name: "Sync v2", role: "manager", siteIds: [world.site("Lyon")] });

    const gone = dataOf(await deactivateIntegration(db, admin, { id: created.id }));
    expect(gone.active).toBe(false);
    expect(gone.tokens.every((token) => token.state === "revoked")).toBe(true);
    expect((await call(listObjectsRoute, "/api/v1/objects", { token: graceful.token })).status).toBe(401);
    expect((await createIntegrationToken(db, admin, { id: created.id, name: "again" })).ok).toBe(false);
  });

  it("lists service accounts among users, never lets them sign in, and never counts them as the last Admin", async () => {
    const { world, admin } = await lyonWorld();
    const robot = dataOf(await createIntegration(db, admin, { name: "Admin robot", role: "admin" }));
    const listed = dataOf(await listUsersForAdmin(db, admin, { q: "Admin robot" }));
    expect(listed.items).toEqual([expect.objectContaining({ id: robot.serviceUserId, kind: "service" })]);
    expect(await listObjectsRelatedToUser(db, admin, robot.serviceUserId)).toEqual([]);

    const refused = await signInWithPassword(db, { email: robot.email, password: "whatever it might be", clientAddress: uniqueAddress(), userAgent: "vitest" });
    expect(refused.ok).toBe(false);

    // The only person Admin cannot step down, though an Admin-role service account remains.
    const [row] = await db.select({ version: users.version }).from(users).where(and(eq(users.id, admin.id), eq(users.organizationId, world.organizationId)));
    const demoted = await updateUser(db, admin, { id: admin.id, version: row!.version, role: "manager" });
    expect(demoted.ok ? null : demoted.error.message).toBe("adminUsers.errors.lastAdmin");
  });

  it("keeps the log for the configured days: the scheduled job prunes older entries", async () => {
    const { admin } = await lyonWorld();
    const created = dataOf(await createIntegration(db, admin, { name: "Old timer", role: "viewer" }));
    const now = new Date();
    await db.insert(integrationLog).values([
      { organizationId: admin.organizationId, integrationId: created.id, tokenId: created.issuedToken.tokenId, method: "GET", path: "/old", status: 200, durationMs: 3, occurredAt: new Date(now.getTime() - 40 * 86_400_000) },
      { organizationId: admin.organizationId, integrationId: created.id, tokenId: created.issuedToken.tokenId, method: "GET", path: "/new", status: 200, durationMs: 3, occurredAt: new Date(now.getTime() - 10 * 86_400_000) },
    ]);
    expect(await pruneIntegrationLog(db, now, 30)).toBeGreaterThanOrEqual(1);
    const left = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id }));
    expect(left.items.map((entry) => entry.path)).toEqual(["/new"]);
    expect(pruneIntegrationLogJob.name).toBe("integration-log.prune");
    // Registered with the scheduler: a due run claims and runs it.
    expect(await runDueJobs(db, [pruneIntegrationLogJob], new Date(now.getTime() + 365 * 86_400_000))).toContain("integration-log.prune");
  });

  it("pages the log by keyset and filters by date in the organisation's time zone", async () => {
    const { admin } = await lyonWorld();
    const created = dataOf(await createIntegration(db, admin, { name: "Pager", role: "viewer" }));
    const day = Date.UTC(2026, 10, 15, 12);
    await db.insert(integrationLog).values(
      Array.from({ length: 5 }, (_, n) => ({
        organizationId: admin.organizationId,
        integrationId: created.id,
        tokenId: created.issuedToken.tokenId,
        method: "GET",
        path: `/call/${n}`,
        status: 200,
        durationMs: n,
        occurredAt: new Date(day + n * 86_400_000),
      })),
    );
    const first = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id, limit: 2 }));
    const second = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id, limit: 2, cursor: first.nextCursor! }));
    expect([...first.items, ...second.items].map((entry) => entry.path)).toEqual(["/call/4", "/call/3", "/call/2", "/call/1"]);
    const window = dataOf(await listIntegrationLog(db, admin, { integrationId: created.id, from: "2026-11-16", to: "2026-11-17" }));
    expect(window.items.map((entry) => entry.path)).toEqual(["/call/2", "/call/1"]);
    expect((await listIntegrationLog(db, admin, { cursor: "garbage" })).ok).toBe(false);
    expect((await listIntegrationLog(db, admin, { from: "2026-11-20", to: "2026-11-01" })).ok).toBe(false);
  });
});
