import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRules, objects, objectTypes, scopeKinds, sites, usageSessions, users, userSites } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { rowCounts } from "../fixtures/catalog";
import type { DatabaseHandle } from "../fixtures/database";
import { createEmptyDatabase } from "../fixtures/empty-database";

const dayMs = 24 * 60 * 60 * 1000;

// seedDemo marks the whole deployment as seeded and demo e-mails are unique per deployment: it gets its own database.
describe("demo seed", () => {
  const now = new Date();
  let deployment: DatabaseHandle;
  let organizationId: string;

  beforeAll(async () => {
    deployment = await createEmptyDatabase();
    await deployment.migrate();
    const first = await seedDemo(deployment.db, { password: "demo-password-for-tests", now });
    expect(first.seeded).toBe(true);
    if (!first.organizationId) throw new Error("The first seed returned no organisation id");
    organizationId = first.organizationId;
  });

  afterAll(async () => {
    await deployment?.close();
  });

  it("seeds nothing the second time: every table keeps its row count", async () => {
    const before = await rowCounts(deployment.db);
    const second = await seedDemo(deployment.db, { password: "demo-password-for-tests", now: new Date() });
    expect(second).toEqual({ seeded: false, organizationId });
    expect(await rowCounts(deployment.db)).toEqual(before);
  });

  it("has the three sites", async () => {
    const rows = await deployment.db.select({ name: sites.name }).from(sites).where(eq(sites.organizationId, organizationId));
    expect(rows.map((site) => site.name).sort()).toEqual(["Lyon", "Montréal", "Toulouse"]);
  });

  it("has the four demo accounts with their roles, kinds and sites", async () => {
    const emails = ["admin@demo.test", "manager@demo.test", "viewer@demo.test", "kiosk@demo.test"];
    const accounts = await deployment.db
      .select({ id: users.id, email: users.email, role: users.role, kind: users.kind, active: users.active })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), inArray(users.email, emails)));
    const memberships = await deployment.db
      .select({ userId: userSites.userId, site: sites.name })
      .from(userSites)
      .innerJoin(sites, eq(sites.id, userSites.siteId))
      .where(eq(userSites.organizationId, organizationId));
    const described = accounts
      .map((account) => ({
        email: account.email,
        role: account.role,
        kind: account.kind,
        active: account.active,
        sites: memberships.filter((m) => m.userId === account.id).map((m) => m.site).sort(),
      }))
      .sort((a, b) => a.email.localeCompare(b.email));
    expect(described).toEqual([
      { email: "admin@demo.test", role: "admin", kind: "person", active: true, sites: ["Lyon", "Montréal", "Toulouse"] },
      { email: "kiosk@demo.test", role: "shared_computer", kind: "shared", active: true, sites: ["Toulouse"] },
      { email: "manager@demo.test", role: "manager", kind: "person", active: true, sites: ["Toulouse"] },
      { email: "viewer@demo.test", role: "viewer", kind: "person", active: true, sites: ["Lyon"] },
    ]);
  });

  it("has live objects of every type, and all three scope kinds among them", async () => {
    const rows = await deployment.db
      .selectDistinct({ type: objects.type, scopeKind: objects.scopeKind })
      .from(objects)
      .where(and(eq(objects.organizationId, organizationId), isNull(objects.trashedAt)));
    expect(new Set(rows.map((row) => row.type))).toEqual(new Set(objectTypes));
    expect(new Set(rows.map((row) => row.scopeKind))).toEqual(new Set(scopeKinds));
  });

  it("replaces the default rule with the four demo rules", async () => {
    const rules = await deployment.db
      .select({ name: accessRules.name, level: accessRules.level, enabled: accessRules.enabled })
      .from(accessRules)
      .where(eq(accessRules.organizationId, organizationId));
    expect(rules.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Admins — Full access — all objects", level: "full", enabled: true },
      { name: "Everyone — View — all objects", level: "view", enabled: true },
      { name: "Managers — Modify — parts, products, projects, manufacturing orders, workflows", level: "modify", enabled: true },
      { name: "Toulouse edits Toulouse documents", level: "modify", enabled: true },
    ]);
  });

  it("has usage sessions spanning about six months, up to recent days", async () => {
    const sessions = await deployment.db
      .select({ startedAt: usageSessions.startedAt })
      .from(usageSessions)
      .where(eq(usageSessions.organizationId, organizationId));
    expect(sessions.length).toBeGreaterThan(0);
    const starts = sessions.map((session) => session.startedAt.getTime());
    const spanDays = (Math.max(...starts) - Math.min(...starts)) / dayMs;
    expect(spanDays).toBeGreaterThanOrEqual(150);
    expect(spanDays).toBeLessThanOrEqual(200);
    const sinceLatestDays = (now.getTime() - Math.max(...starts)) / dayMs;
    expect(sinceLatestDays).toBeGreaterThanOrEqual(0);
    expect(sinceLatestDays).toBeLessThan(31);
  });
});
