import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  auditLog,
  documentRevisions,
  manufacturingOrders,
  objects,
  organizations,
  products,
  projects,
  projectTasks,
  teams,
  usageDays,
  usageSessions,
  workflows,
  workflowTasks,
} from "@/db/schema";
import type { ChartData } from "@/lib/analytics/analytics-data";
import { exportChart } from "@/lib/analytics/export-chart";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import { rollUpUsage } from "@/lib/analytics/usage-rollup-job";
import type { ActingUser } from "@/lib/auth/acting-user";
import { dataOf, inEnglish } from "../fixtures/results";
import { everyoneFull, ObjectsWorld } from "./objects-world";

// Every chart's exact figures for two sites and two periods (January and February 2026, Paris time), from objects,
// revisions, details and sessions placed on either side of the organisation's midnight.

const now = new Date("2026-03-10T12:00:00Z");
const january = { from: "2026-01-01", to: "2026-01-31", grain: "month" } as const;
const february = { from: "2026-02-01", to: "2026-02-28", grain: "month" } as const;
const at = (iso: string) => new Date(iso);

describe("the analytics dashboard", () => {
  let db: Database;
  let world: ObjectsWorld;
  let admin: ActingUser;
  let toulouseAdmin: ActingUser;
  let toulouseManager: ActingUser;
  let lyonManager: ActingUser;
  let viewer: ActingUser;

  async function createdAt(objectId: string, when: string) {
    await db.update(objects).set({ createdAt: at(when), updatedAt: at(when) }).where(eq(objects.id, objectId));
  }

  async function session(user: ActingUser, start: string, end: string) {
    await db.insert(usageSessions).values({ organizationId: world.organizationId, userId: user.id, method: "password", startedAt: at(start), lastActivityAt: at(end), endedAt: at(end) });
  }

  beforeAll(async () => {
    db = await getDb();
    world = await ObjectsWorld.create(db, { sites: ["Lyon", "Toulouse"], rules: [everyoneFull] });
    await db.update(organizations).set({ timeZone: "Europe/Paris" }).where(eq(organizations.id, world.organizationId));
    admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    // Admins are not exempt from scope: each sees the objects shared with their own site.
    toulouseAdmin = await world.actor({ role: "admin", sites: ["Toulouse"], name: "Zoé Admin" });
    toulouseManager = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Tom Toulouse" });
    lyonManager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Léa Lyon" });
    viewer = await world.actor({ role: "viewer", sites: ["Toulouse"], name: "Val Viewer" });

    // Documents. D2 is made at 23:30 in Paris on 31 January (January), D3 at 00:30 on 1 February (February), both
    // on 31 January in UTC.
    const d1 = await world.createObject(toulouseManager, { type: "document", title: "D1" });
    await createdAt(d1.id, "2026-01-10T10:00:00Z");
    await db
      .update(documentRevisions)
      .set({ status: "validated", createdAt: at("2026-01-10T10:00:00Z"), validatedAt: at("2026-01-20T10:00:00Z") })
      .where(eq(documentRevisions.objectId, d1.id));
    await db.insert(documentRevisions).values({ organizationId: world.organizationId, objectId: d1.id, label: "B", sequence: 1, createdById: toulouseManager.id, createdAt: at("2026-02-05T10:00:00Z") });
    const d2 = await world.createObject(toulouseManager, { type: "document", title: "D2" });
    await createdAt(d2.id, "2026-01-31T22:30:00Z");
    await db.update(documentRevisions).set({ createdAt: at("2026-01-31T22:30:00Z") }).where(eq(documentRevisions.objectId, d2.id));
    const d3 = await world.createObject(toulouseManager, { type: "document", title: "D3" });
    await createdAt(d3.id, "2026-01-31T23:30:00Z");
    const l1 = await world.createObject(lyonManager, { type: "document", title: "L1" });
    await createdAt(l1.id, "2026-02-10T09:00:00Z");
    await db.update(documentRevisions).set({ status: "validated", createdAt: at("2026-02-10T09:00:00Z"), validatedAt: at("2026-02-11T09:00:00Z") }).where(eq(documentRevisions.objectId, l1.id));
    // Private to Léa: nobody else counts it, Admins included.
    const secret = await world.createObject(lyonManager, { type: "document", title: "Secret", scope: { kind: "owner" } });
    await createdAt(secret.id, "2026-02-12T09:00:00Z");

    // Products: P1 still a prototype; P2 in production since 20 January.
    const p1 = await world.createObject(toulouseManager, { type: "product", title: "P1" });
    await createdAt(p1.id, "2026-01-05T09:00:00Z");
    await db.update(products).set({ status: "prototype" }).where(eq(products.objectId, p1.id));
    const p2 = await world.createObject(toulouseManager, { type: "product", title: "P2" });
    await createdAt(p2.id, "2026-01-05T09:00:00Z");
    await db.update(products).set({ status: "in_production", statusChangedAt: at("2026-01-20T09:00:00Z") }).where(eq(products.objectId, p2.id));
    // Orders: MO1 under way since 2 February; MO2 made from 10 to 15 January.
    const mo1 = await world.createObject(toulouseManager, { type: "manufacturing_order", title: "MO1", details: { quantity: 10 } });
    await db.update(manufacturingOrders).set({ status: "in_progress", startedAt: at("2026-02-02T08:00:00Z") }).where(eq(manufacturingOrders.objectId, mo1.id));
    const mo2 = await world.createObject(toulouseManager, { type: "manufacturing_order", title: "MO2", details: { quantity: 5 } });
    await db
      .update(manufacturingOrders)
      .set({ status: "done", startedAt: at("2026-01-10T08:00:00Z"), finishedAt: at("2026-01-15T08:00:00Z") })
      .where(eq(manufacturingOrders.objectId, mo2.id));

    // Workflows: an ECO launched on 8 January and completed ten days later; an ECR under way since 2 February.
    const w1 = await world.createObject(toulouseManager, { type: "workflow", title: "W1", details: { kind: "ECO" } });
    await createdAt(w1.id, "2026-01-08T10:00:00Z");
    await db
      .update(workflows)
      .set({ status: "completed", startedAt: at("2026-01-08T10:00:00Z"), completedAt: at("2026-01-18T10:00:00Z") })
      .where(eq(workflows.objectId, w1.id));
    await db.insert(workflowTasks).values({
      organizationId: world.organizationId,
      workflowId: w1.id,
      title: "Review",
      assigneeId: toulouseManager.id,
      status: "done",
      createdAt: at("2026-01-08T10:00:00Z"),
      completedAt: at("2026-01-12T10:00:00Z"),
    });
    const w2 = await world.createObject(toulouseManager, { type: "workflow", title: "W2", details: { kind: "ECR" } });
    await createdAt(w2.id, "2026-02-02T10:00:00Z");
    await db.update(workflows).set({ status: "in_progress", startedAt: at("2026-02-02T10:00:00Z") }).where(eq(workflows.objectId, w2.id));
    await db.insert(workflowTasks).values({ organizationId: world.organizationId, workflowId: w2.id, title: "Impact", assigneeId: viewer.id, createdAt: at("2026-02-02T10:00:00Z") });

    // A project of the Assembly team: two tasks in January (one done), a third made and done in February.
    const [assembly] = await db.insert(teams).values({ organizationId: world.organizationId, name: "Assembly" }).returning({ id: teams.id });
    const pr1 = await world.createObject(toulouseManager, { type: "project", title: "PR1" });
    await createdAt(pr1.id, "2026-01-03T09:00:00Z");
    await db.update(projects).set({ teamId: assembly!.id }).where(eq(projects.objectId, pr1.id));
    await db.insert(projectTasks).values([
      { organizationId: world.organizationId, projectId: pr1.id, title: "t1", createdAt: at("2026-01-03T09:00:00Z"), doneAt: at("2026-01-20T09:00:00Z") },
      { organizationId: world.organizationId, projectId: pr1.id, title: "t2", createdAt: at("2026-01-03T09:00:00Z") },
      { organizationId: world.organizationId, projectId: pr1.id, title: "t3", createdAt: at("2026-02-10T09:00:00Z"), doneAt: at("2026-02-15T09:00:00Z") },
    ]);

    // Sessions: Tom's first runs from 23:30 on 31 January to 00:30 on 1 February, Paris time: half an hour each month.
    await session(toulouseManager, "2026-01-31T22:30:00Z", "2026-01-31T23:30:00Z");
    await session(toulouseManager, "2026-02-03T08:00:00Z", "2026-02-03T09:00:00Z");
    await session(lyonManager, "2026-02-04T08:00:00Z", "2026-02-04T08:30:00Z");
    // Read again: each actor was read before the organisation's later changes.
    admin = await world.refresh(admin);
    toulouseAdmin = await world.refresh(toulouseAdmin);
    toulouseManager = await world.refresh(toulouseManager);
    lyonManager = await world.refresh(lyonManager);
    viewer = await world.refresh(viewer);
  });

  const chartsOf = async (user: ActingUser, input: Record<string, string>) => {
    const view = dataOf(await getAnalytics(db, user, input, now));
    return Object.fromEntries(view.charts.map((chart) => [chart.id, chart])) as Record<ChartData["id"], ChartData>;
  };
  const figures = (charts: Record<string, ChartData>) => Object.fromEntries(Object.entries(charts).map(([id, chart]) => [id, chart.figures]));

  const toulouseJanuary = {
    documents: { created: { value: 2, previous: 0 }, revised: { value: 0, previous: 0 }, validated: { value: 1, previous: 0 } },
    inProgress: { productsNow: { value: 1, previous: null }, ordersNow: { value: 1, previous: null }, products: { value: 2, previous: 0 }, orders: { value: 1, previous: 0 } },
    workflows: { total: { value: 1, previous: 0 } },
    projects: { rate: { value: 50, previous: 0 } },
    usage: { sessions: { value: 1, previous: 0 }, averageMinutes: { value: 60, previous: 0 }, hours: { value: 0.5, previous: 0 } },
    cycleTime: { median: { value: 10, previous: 0 } },
    taskWait: { medianDone: { value: 4, previous: 0 } },
  };

  async function expectToulouse(user: ActingUser, siteId: Record<string, string>) {
    const jan = await chartsOf(user, { ...january, ...siteId });
    expect(figures(jan)).toEqual(toulouseJanuary);
    expect(jan.documents.rows).toEqual([["2026-01-01", 2, 0, 1]]);
    expect(jan.inProgress.rows).toEqual([["2026-01-01", 2, 1]]);
    expect(jan.workflows.rows).toEqual([
      ["ECR", 0, 0, 0, 0, 0],
      ["ECO", 0, 0, 1, 0, 1],
      ["ECN", 0, 0, 0, 0, 0],
      ["NPD", 0, 0, 0, 0, 0],
    ]);
    expect(jan.projects.rows).toEqual([["Assembly", 1, 2, 1, 50]]);
    expect(jan.usage.rows).toEqual([
      ["Tom Toulouse", 1, 60, 0.5, 0.5],
      ["Val Viewer", 0, 0, 0, 0],
      ["Zoé Admin", 0, 0, 0, 0],
    ]);
    expect(jan.cycleTime.rows).toEqual([["Toulouse", "ECO", "2026-01-01", 1, 10, 10]]);
    expect(jan.cycleTime.plot?.rows).toEqual([
      ["ECR", 0, 0, 0],
      ["ECO", 1, 10, 10],
      ["ECN", 0, 0, 0],
      ["NPD", 0, 0, 0],
    ]);
    expect(jan.taskWait.rows).toEqual([["Tom Toulouse", 0, null, null, 1, 4]]);

    const feb = await chartsOf(user, { ...february, ...siteId });
    expect(figures(feb)).toEqual({
      documents: { created: { value: 1, previous: 2 }, revised: { value: 1, previous: 0 }, validated: { value: 0, previous: 1 } },
      inProgress: { productsNow: { value: 1, previous: null }, ordersNow: { value: 1, previous: null }, products: { value: 1, previous: 2 }, orders: { value: 1, previous: 1 } },
      workflows: { total: { value: 1, previous: 1 } },
      projects: { rate: { value: 66.7, previous: 50 } },
      // February's time: the half hour after midnight of the January session, and the hour of 3 February.
      usage: { sessions: { value: 1, previous: 1 }, averageMinutes: { value: 60, previous: 60 }, hours: { value: 1.5, previous: 0.5 } },
      cycleTime: { median: { value: 0, previous: 10 } },
      taskWait: { medianDone: { value: 0, previous: 4 } },
    });
    expect(feb.documents.rows).toEqual([["2026-02-01", 1, 1, 0]]);
    expect(feb.usage.rows).toEqual([
      ["Tom Toulouse", 1, 60, 1.5, 1.5],
      ["Val Viewer", 0, 0, 0, 0],
      ["Zoé Admin", 0, 0, 0, 0],
    ]);
    expect(feb.projects.rows).toEqual([["Assembly", 1, 3, 2, 66.7]]);
    expect(feb.cycleTime.rows).toEqual([]);
    // Open at the end of February (midnight in Paris = 23:00 UTC): 26 days and 13 hours.
    expect(feb.taskWait.rows).toEqual([
      ["Val Viewer", 1, 26.5, 26.5, 0, null],
      ["Tom Toulouse", 0, null, null, 0, null],
    ]);
    expect(feb.taskWait.plot?.rows).toEqual([["Val Viewer", 26.5, 26.5]]);
  }

  async function expectLyon() {
    const jan = await chartsOf(admin, { ...january, siteId: world.site("Lyon") });
    for (const chart of Object.values(jan)) {
      for (const figure of Object.values(chart.figures)) expect(figure.value).toBe(0);
    }
    expect(jan.documents.rows).toEqual([["2026-01-01", 0, 0, 0]]);
    expect(jan.projects.rows).toEqual([]);
    const feb = await chartsOf(admin, { ...february, siteId: world.site("Lyon") });
    expect(figures(feb)).toEqual({
      documents: { created: { value: 1, previous: 0 }, revised: { value: 0, previous: 0 }, validated: { value: 1, previous: 0 } },
      inProgress: { productsNow: { value: 0, previous: null }, ordersNow: { value: 0, previous: null }, products: { value: 0, previous: 0 }, orders: { value: 0, previous: 0 } },
      workflows: { total: { value: 0, previous: 0 } },
      projects: { rate: { value: 0, previous: 0 } },
      usage: { sessions: { value: 1, previous: 0 }, averageMinutes: { value: 30, previous: 0 }, hours: { value: 0.5, previous: 0 } },
      cycleTime: { median: { value: 0, previous: 0 } },
      taskWait: { medianDone: { value: 0, previous: 0 } },
    });
    expect(feb.usage.rows).toEqual([
      ["Léa Lyon", 1, 30, 0.5, 0.5],
      ["Ada Admin", 0, 0, 0, 0],
    ]);
  }

  it("gives every chart's exact figures for Toulouse and Lyon in January and February, from raw sessions and from the rollup", async () => {
    await expectToulouse(toulouseManager, {});
    await expectToulouse(toulouseAdmin, { siteId: world.site("Toulouse") });
    await expectLyon();

    await rollUpUsage(db, world.organizationId, "Europe/Paris", now);
    const [rolled] = await db
      .select({ days: sql<number>`count(*)::int` })
      .from(usageDays)
      .where(eq(usageDays.organizationId, world.organizationId));
    expect(rolled?.days).toBe(4);
    await expectToulouse(toulouseManager, {});
    await expectLyon();
  });

  it("cuts weeks on Mondays and keeps empty weeks as zeros", async () => {
    const weeks = await chartsOf(toulouseManager, { from: "2026-01-19", to: "2026-02-15", grain: "week" });
    // D2 and D3 fall in the week of 26 January (to Sunday 1 February); revision B on 5 February; nothing after.
    expect(weeks.documents.rows).toEqual([
      ["2026-01-19", 0, 0, 1],
      ["2026-01-26", 2, 0, 0],
      ["2026-02-02", 0, 1, 0],
      ["2026-02-09", 0, 0, 0],
    ]);
  });

  it("refuses a site that is not the Manager's, and does not exist for Viewers", async () => {
    expect(inEnglish(await getAnalytics(db, toulouseManager, { ...january, siteId: world.site("Lyon") }, now))).toEqual({
      ok: false,
      error: { code: "invalid", message: "Some fields need attention.", fields: { siteId: "You can only see the analytics of your own sites: pick one of them." } },
    });
    expect(inEnglish(await getAnalytics(db, viewer, january, now))).toEqual({ ok: false, error: { code: "not_found", message: "This page does not exist." } });
    expect((await getAnalytics(db, admin, { ...january, bogus: "1" } as never, now)).ok).toBe(false);
    expect((await getAnalytics(db, admin, { from: "2026-02-30" }, now)).ok).toBe(false);
    expect((await getAnalytics(db, admin, { from: "2026-03-01", to: "2026-02-01" }, now)).ok).toBe(false);
  });

  it("exports a chart's table as CSV and audits the export", async () => {
    const exported = dataOf(await exportChart(db, toulouseManager, { ...january, chart: "documents" }, { locale: "en", clientAddress: "127.0.0.1" }));
    expect(exported.fileName).toBe("analytics-documents-2026-01-01-2026-01-31.csv");
    expect(exported.csv).toBe("Period,Documents created,New revisions,Revisions validated\r\n2026-01-01,2,0,1\r\n");
    const audits = await db
      .select({ targetId: auditLog.targetId })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, world.organizationId), eq(auditLog.action, "analytics.export")));
    expect(audits).toEqual([{ targetId: "documents" }]);
  });
});
