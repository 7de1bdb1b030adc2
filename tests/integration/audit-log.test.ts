import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as auditLogRoute } from "@/app/api/v1/audit-log/route";
import { getDb, type Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { loadAuditLogPage } from "@/lib/audit/audit-log-page";
import { listAuditLog, type AuditEntryView } from "@/lib/audit/list-audit-log";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditDiff } from "@/components/admin/audit-log/audit-diff";
import { dataOf } from "../fixtures/results";
import { integrationTokenFor } from "../fixtures/integration-token";
import { ObjectsWorld } from "./objects-world";

// The audit log's listing (page and API): filters by actor, target, action and dates, keyset pages that neither
// repeat nor skip an entry, the 404 a Manager gets, and the diff the page shows.

const noParams = { params: Promise.resolve({}) };

describe("the audit log", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function world() {
    const made = await ObjectsWorld.create(db, { sites: ["Lyon"] });
    const admin = await made.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const other = await made.actor({ role: "admin", sites: ["Lyon"], name: "Otto Other" });
    const base = { organizationId: made.organizationId, clientAddress: "192.0.2.1" };
    await recordAudit(db, { ...base, actorId: admin.id, action: "site.created", targetType: "site", targetId: made.site("Lyon"), after: { name: "Lyon" } });
    await recordAudit(db, { ...base, actorId: other.id, action: "user.updated", targetType: "user", targetId: admin.id, before: { role: "manager" }, after: { role: "admin" } });
    for (let i = 0; i < 5; i++) await recordAudit(db, { ...base, actorId: admin.id, action: "team.created", targetType: "team", targetId: `t${i}` });
    await recordAudit(db, { ...base, actorId: null, action: "organization.created", targetType: "organization", targetId: made.organizationId });
    // One entry dated yesterday (the log is append-only: the test writes it with its date rather than changing one).
    await db.execute(
      sql`insert into audit_log (organization_id, actor_id, action, occurred_at) values (${made.organizationId}, ${admin.id}, 'old.thing', now() - interval '2 days')`,
    );
    return { made, admin, other };
  }

  const actionsOf = (items: AuditEntryView[]) => items.map((item) => item.action);

  it("filters by actor, target, action and date, newest first, with names", async () => {
    const { admin, other } = await world();
    const byOther = dataOf(await listAuditLog(db, admin, { actorId: other.id }));
    expect(byOther.items).toEqual([
      expect.objectContaining({
        action: "user.updated",
        actor: { id: other.id, name: "Otto Other", email: other.email },
        target: { type: "user", id: admin.id, label: "Ada Admin" },
        before: { role: "manager" },
        after: { role: "admin" },
        clientAddress: "192.0.2.1",
      }),
    ]);
    expect(actionsOf(dataOf(await listAuditLog(db, admin, { targetType: "site" })).items)).toEqual(["site.created"]);
    expect(actionsOf(dataOf(await listAuditLog(db, admin, { targetType: "team", targetId: "t3" })).items)).toEqual(["team.created"]);
    expect(dataOf(await listAuditLog(db, admin, { action: "team.created" })).items).toHaveLength(5);
    const today = new Date().toISOString().slice(0, 10);
    const old = dataOf(await listAuditLog(db, admin, { to: new Date(Date.now() - 86_400_000 * 1.5).toISOString().slice(0, 10) }));
    expect(actionsOf(old.items)).toEqual(["old.thing"]);
    const recent = dataOf(await listAuditLog(db, admin, { from: today, to: today }));
    expect(actionsOf(recent.items)).not.toContain("old.thing");
    const system = dataOf(await listAuditLog(db, admin, { action: "organization.created" })).items[0]!;
    expect(system.actor).toBeNull();
  });

  it("pages by keyset without repeating or skipping an entry", async () => {
    const { admin } = await world();
    const all = dataOf(await listAuditLog(db, admin, { limit: 200 })).items;
    expect(all).toHaveLength(9);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = dataOf(await listAuditLog(db, admin, { limit: 2, cursor }));
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
  });

  it("refuses malformed filters and cursors by name, and a reversed date range", async () => {
    const { admin } = await world();
    for (const [input, field] of [
      [{ actorId: "nobody" }, "actorId"],
      [{ from: "2026-13-01" }, "from"],
      [{ cursor: "garbage" }, "cursor"],
      [{ from: "2026-12-08", to: "2026-12-01" }, "to"],
      [{ action: "x".repeat(101) }, "action"],
    ] as const) {
      const result = await listAuditLog(db, admin, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toEqual([field]);
    }
  });

  it("finds the actor the page names by e-mail, in any case, and says when nobody has it", async () => {
    const { admin, other } = await world();
    const page = await loadAuditLogPage(db, admin, { actor: other.email.toUpperCase() }, 25);
    expect(actionsOf(dataOf(page.page).items)).toEqual(["user.updated"]);
    expect(page.actions).toEqual(expect.arrayContaining(["site.created", "team.created", "user.updated"]));
    const unknown = await loadAuditLogPage(db, admin, { actor: "nobody@example.test" }, 25);
    expect(unknown.actorUnknown).toBe(true);
    expect(dataOf(unknown.page).items).toEqual([]);
  });

  it("keeps the log append-only: the database refuses to change or delete an entry", async () => {
    const { made } = await world();
    await expect(db.update(auditLog).set({ action: "rewritten" }).where(eq(auditLog.organizationId, made.organizationId))).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.organizationId, made.organizationId))).rejects.toThrow();
  });

  it("answers the API to an Admin's token and 404 to a Manager's", async () => {
    const { made } = await world();
    const tokenFor = (role: "admin" | "manager") => integrationTokenFor(db, made, role, ["Lyon"]);
    const call = async (token: string, query: string) =>
      auditLogRoute(new Request(`http://atelier.test/api/v1/audit-log?${query}`, { headers: { authorization: `Bearer ${token}` } }), noParams);
    const manager = await call(await tokenFor("manager"), "action=team.created");
    expect(manager.status).toBe(404);
    const admin = await call(await tokenFor("admin"), "action=team.created&limit=2");
    expect(admin.status).toBe(200);
    const body = (await admin.json()) as { items: AuditEntryView[]; nextCursor: string | null };
    expect(body.items.map((item) => item.action)).toEqual(["team.created", "team.created"]);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("shows before and after field by field", () => {
    expect(auditDiff({ name: "Lyon", users: { siteIds: ["a", "b"] }, level: "view" }, { name: "Lyon", users: { siteIds: ["a"] }, enabled: true })).toEqual([
      { path: "name", before: "Lyon", after: "Lyon", changed: false },
      { path: "users.siteIds", before: "a, b", after: "a", changed: true },
      { path: "level", before: "view", after: undefined, changed: true },
      { path: "enabled", before: undefined, after: "true", changed: true },
    ]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
