import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import {
  auditLog,
  objects,
  organizations,
  projects,
  projectTasks,
  usageSessions,
  users,
  workflows,
  workflowTasks,
  type ObjectType,
  type WorkflowStatus,
} from "@/db/schema";
import { endUsageSession, openUsageSession } from "@/lib/auth/usage-sessions";
import { allocateReferenceNumbers } from "@/lib/objects/allocate-reference-numbers";
import { formatReference } from "@/lib/objects/object-references";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUser, type TestUserOptions } from "../fixtures/users";

describe("deactivateUser", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** An organisation of its own with one active personal Admin, the usual actor. */
  async function organizationWithAdmin() {
    const organizationId = (await createTestOrganization(db, "Deactivation")).id;
    const admin = await createTestUser(db, organizationId, { role: "admin", name: "Ada Admin" });
    return { organizationId, admin, actor: await actingUserOf(db, admin) };
  }

  async function userRow(id: string): Promise<TestUser> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    if (!row) throw new Error(`no user ${id}`);
    return row;
  }

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db
      .select({ authzVersion: organizations.authzVersion })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return row?.authzVersion ?? 0;
  }

  async function audited(organizationId: string, action: string) {
    return db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, action)))
      .orderBy(auditLog.id);
  }

  async function createObject(
    organizationId: string,
    type: ObjectType,
    ownerId: string,
    options: { trashed?: boolean } = {},
  ): Promise<string> {
    const number = await allocateReferenceNumbers(db, organizationId, type);
    const [row] = await db
      .insert(objects)
      .values({
        organizationId,
        type,
        number,
        reference: formatReference(type, number),
        title: `${type} ${number}`,
        ownerId,
        // Private: nobody but its owner can ever see it, the case deactivation must not orphan.
        scopeKind: "owner",
        createdById: ownerId,
        trashedAt: options.trashed ? new Date() : null,
        trashedById: options.trashed ? ownerId : null,
      })
      .returning({ id: objects.id });
    if (!row) throw new Error("insert returned no object");
    return row.id;
  }

  async function createWorkflow(
    organizationId: string,
    responsibleId: string,
    status: WorkflowStatus,
    ownerId = responsibleId,
  ): Promise<string> {
    const objectId = await createObject(organizationId, "workflow", ownerId);
    await db.insert(workflows).values({ objectId, organizationId, kind: "ECO", responsibleId, status });
    return objectId;
  }

  async function createWorkflowTask(organizationId: string, assigneeId: string, status: "open" | "done" | "cancelled" = "open") {
    const owner = await createTestUser(db, organizationId, { role: "manager" });
    const workflowId = await createWorkflow(organizationId, owner.id, "in_progress");
    const [task] = await db
      .insert(workflowTasks)
      .values({ organizationId, workflowId, title: "Review the drawing", assigneeId, status })
      .returning({ id: workflowTasks.id });
    if (!task) throw new Error("insert returned no task");
    return task.id;
  }

  async function createProjectTask(organizationId: string, assigneeId: string, done = false) {
    const owner = await createTestUser(db, organizationId, { role: "manager" });
    const projectId = await createObject(organizationId, "project", owner.id);
    await db.insert(projects).values({ objectId: projectId, organizationId, status: "active" });
    const [task] = await db
      .insert(projectTasks)
      .values({ organizationId, projectId, title: "Order samples", assigneeId, doneAt: done ? new Date() : null })
      .returning({ id: projectTasks.id });
    if (!task) throw new Error("insert returned no task");
    return task.id;
  }

  /** A refusal changes nothing: the user stays active, nothing is bumped or audited. */
  async function expectNothingChanged(organizationId: string, user: TestUser, versionBefore: number) {
    expect(await userRow(user.id)).toMatchObject({ active: true, deactivatedAt: null, version: user.version });
    expect(await authzVersion(organizationId)).toBe(versionBefore);
    expect(await audited(organizationId, "user.deactivated")).toEqual([]);
  }

  describe("refuses", () => {
    it("a non-admin actor", async () => {
      const { organizationId } = await organizationWithAdmin();
      const target = await createTestUser(db, organizationId);
      const before = await authzVersion(organizationId);
      for (const role of ["manager", "viewer", "shared_computer"] as const) {
        const actor = await actingUserOf(db, await createTestUser(db, organizationId, { role }));
        expect(inEnglish(await deactivateUser(db, actor, { userId: target.id }))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      await expectNothingChanged(organizationId, target, before);
    });

    it("the acting Admin's own account", async () => {
      const { organizationId, admin, actor } = await organizationWithAdmin();
      // Another Admin exists, so this is not the last-Admin rule speaking.
      await createTestUser(db, organizationId, { role: "admin" });
      const before = await authzVersion(organizationId);

      const result = await deactivateUser(db, actor, { userId: admin.id });

      expect(inEnglish(result)).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringContaining("your own account") } });
      await expectNothingChanged(organizationId, admin, before);
    });

    it("the last active Admin, not counting service accounts or inactive Admins", async () => {
      const { organizationId, admin } = await organizationWithAdmin();
      // An integration's service account with the Admin role acts through the API: it does not count as an Admin.
      const service = await createTestUser(db, organizationId, { role: "admin", kind: "service", password: null });
      await createTestUser(db, organizationId, { role: "admin", active: false });
      const before = await authzVersion(organizationId);

      const result = await deactivateUser(db, await actingUserOf(db, service), { userId: admin.id });

      expect(inEnglish(result)).toEqual({
        ok: false,
        error: { code: "conflict", message: "This is the organisation's last active Admin: make another user Admin before deactivating or demoting this one." },
      });
      await expectNothingChanged(organizationId, admin, before);

      // With a second active personal Admin, the same request goes through.
      await createTestUser(db, organizationId, { role: "admin" });
      dataOf(await deactivateUser(db, await actingUserOf(db, service), { userId: admin.id }));
      expect((await userRow(admin.id)).active).toBe(false);
    });

    it("leaves one active Admin when two Admins deactivate each other at the same moment", async () => {
      // Several organisations at once, so the two transactions of a pair really overlap on PostgreSQL.
      const pairs = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const { organizationId, admin, actor } = await organizationWithAdmin();
          const second = await createTestUser(db, organizationId, { role: "admin" });
          return { organizationId, admin, actor, second, secondActor: await actingUserOf(db, second) };
        }),
      );

      await Promise.all(
        pairs.map(async ({ organizationId, admin, actor, second, secondActor }) => {
          const results = await Promise.all([
            deactivateUser(db, actor, { userId: second.id }),
            deactivateUser(db, secondActor, { userId: admin.id }),
          ]);
          expect(results.filter((result) => result.ok)).toHaveLength(1);
          expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(conflict|forbidden)$/) } });
          const stillActive = await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.organizationId, organizationId), eq(users.role, "admin"), eq(users.active, true)));
          expect(stillActive).toHaveLength(1);
        }),
      );
    });

    it("an Admin deactivated or demoted since their request began", async () => {
      const { organizationId, admin, actor } = await organizationWithAdmin();
      const other = await createTestUser(db, organizationId, { role: "admin" });
      const target = await createTestUser(db, organizationId);
      // The actor was read at the start of the request; meanwhile another Admin deactivates them.
      dataOf(await deactivateUser(db, await actingUserOf(db, other), { userId: admin.id }));

      expect(inEnglish(await deactivateUser(db, actor, { userId: target.id }))).toMatchObject({ ok: false, error: { code: "forbidden" } });

      const demoted = await createTestUser(db, organizationId, { role: "admin" });
      const demotedActor = await actingUserOf(db, demoted);
      await db.update(users).set({ role: "manager" }).where(eq(users.id, demoted.id));
      expect(inEnglish(await deactivateUser(db, demotedActor, { userId: target.id }))).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect((await userRow(target.id)).active).toBe(true);
    });

    it("an already deactivated user", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const target = await createTestUser(db, organizationId, { active: false });
      const before = await authzVersion(organizationId);

      expect(inEnglish(await deactivateUser(db, actor, { userId: target.id }))).toMatchObject({
        ok: false,
        error: { code: "conflict", message: `${target.email} is already deactivated.` },
      });
      expect(await userRow(target.id)).toMatchObject({ active: false, version: target.version });
      expect(await authzVersion(organizationId)).toBe(before);
    });

    it("a stale expectedVersion, and accepts the current one", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const target = await createTestUser(db, organizationId);
      // Someone edited the account since the admin opened it.
      await db.update(users).set({ name: "Renamed", version: target.version + 1 }).where(eq(users.id, target.id));
      const before = await authzVersion(organizationId);

      expect(inEnglish(await deactivateUser(db, actor, { userId: target.id, expectedVersion: target.version }))).toMatchObject({
        ok: false,
        error: { code: "conflict", message: expect.stringContaining("changed by someone else") },
      });
      expect(await userRow(target.id)).toMatchObject({ active: true, version: target.version + 1 });
      expect(await authzVersion(organizationId)).toBe(before);

      dataOf(await deactivateUser(db, actor, { userId: target.id, expectedVersion: target.version + 1 }));
      expect(await userRow(target.id)).toMatchObject({ active: false, version: target.version + 2 });
    });

    it("a user of another organisation, as not found", async () => {
      const { actor } = await organizationWithAdmin();
      const elsewhere = await organizationWithAdmin();
      const target = await createTestUser(db, elsewhere.organizationId);
      const before = await authzVersion(elsewhere.organizationId);

      expect(inEnglish(await deactivateUser(db, actor, { userId: target.id }))).toMatchObject({ ok: false, error: { code: "not_found" } });
      await expectNothingChanged(elsewhere.organizationId, target, before);
    });

    it("a malformed user id", async () => {
      const { actor } = await organizationWithAdmin();
      expect(inEnglish(await deactivateUser(db, actor, { userId: "not-a-uuid" }))).toMatchObject({
        ok: false,
        error: { code: "invalid", fields: { userId: "This is not a user id." } },
      });
    });

    it("a user who owns objects, leads workflows or holds open tasks, until someone takes over", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const owner = await createTestUser(db, organizationId, { role: "manager" });
      await createObject(organizationId, "document", owner.id);
      const leader = await createTestUser(db, organizationId, { role: "manager" });
      // Responsible for a workflow whose object someone else owns.
      await createWorkflow(organizationId, leader.id, "in_progress", owner.id);
      const workflowAssignee = await createTestUser(db, organizationId);
      await createWorkflowTask(organizationId, workflowAssignee.id);
      const projectAssignee = await createTestUser(db, organizationId);
      await createProjectTask(organizationId, projectAssignee.id);
      const everything = await createTestUser(db, organizationId, { role: "manager" });
      await createObject(organizationId, "part", everything.id);
      await createProjectTask(organizationId, everything.id);
      const before = await authzVersion(organizationId);

      const cases: [TestUser, string[]][] = [
        [owner, ["newOwnerId"]],
        [leader, ["newOwnerId"]],
        [workflowAssignee, ["newAssigneeId"]],
        [projectAssignee, ["newAssigneeId"]],
        [everything, ["newAssigneeId", "newOwnerId"]],
      ];
      for (const [target, fields] of cases) {
        const result = await deactivateUser(db, actor, { userId: target.id });
        expect(result).toMatchObject({ ok: false, error: { code: "invalid" } });
        expect(Object.keys((!result.ok && result.error.fields) || {}).sort()).toEqual(fields);
        await expectNothingChanged(organizationId, target, before);
      }
    });

    it("a new owner who is not an active Manager or Admin of the organisation", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const target = await createTestUser(db, organizationId, { role: "manager" });
      await createObject(organizationId, "document", target.id);
      const elsewhere = await createTestOrganization(db, "Deactivation elsewhere");
      const candidates: TestUserOptions[] = [{ role: "viewer" }, { role: "shared_computer" }, { role: "manager", active: false }];
      const newOwners = [
        ...(await Promise.all(candidates.map((options) => createTestUser(db, organizationId, options)))),
        await createTestUser(db, elsewhere.id, { role: "admin" }),
        target,
      ];
      const before = await authzVersion(organizationId);

      for (const newOwner of newOwners) {
        expect(inEnglish(await deactivateUser(db, actor, { userId: target.id, newOwnerId: newOwner.id }))).toMatchObject({
          ok: false,
          error: { code: "invalid", fields: { newOwnerId: expect.any(String) } },
        });
      }
      await expectNothingChanged(organizationId, target, before);
    });

    it("an assignee who is a shared computer, a service account or otherwise unable to take tasks", async () => {
      const { organizationId, actor } = await organizationWithAdmin();
      const target = await createTestUser(db, organizationId);
      await createWorkflowTask(organizationId, target.id);
      const candidates: TestUserOptions[] = [
        { role: "shared_computer" },
        { role: "manager", kind: "service", password: null },
        { role: "viewer", active: false },
      ];
      const assignees = [...(await Promise.all(candidates.map((options) => createTestUser(db, organizationId, options)))), target];
      const before = await authzVersion(organizationId);

      for (const assignee of assignees) {
        expect(inEnglish(await deactivateUser(db, actor, { userId: target.id, newAssigneeId: assignee.id }))).toMatchObject({
          ok: false,
          error: { code: "invalid", fields: { newAssigneeId: expect.any(String) } },
        });
      }
      await expectNothingChanged(organizationId, target, before);
    });
  });

  it("deactivates a user who holds nothing without asking for a successor", async () => {
    const { organizationId, actor } = await organizationWithAdmin();
    const target = await createTestUser(db, organizationId);

    expect(dataOf(await deactivateUser(db, actor, { userId: target.id }, { clientAddress: "203.0.113.9" }))).toEqual({
      userId: target.id,
      reassignedObjects: 0,
      reassignedWorkflows: 0,
      reassignedTasks: 0,
      endedSessions: 0,
    });
    expect(await userRow(target.id)).toMatchObject({ active: false, deactivatedAt: expect.any(Date) });
    const [entry] = await db
      .select({ clientAddress: auditLog.clientAddress })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "user.deactivated")));
    expect(entry?.clientAddress).toBe("203.0.113.9");
  });

  it("hands everything over, ends the sessions, bumps the authorization version and audits", async () => {
    const { organizationId, admin, actor } = await organizationWithAdmin();
    const target = await createTestUser(db, organizationId, { role: "manager", name: "Leaving Manager" });
    const newOwner = await createTestUser(db, organizationId, { role: "manager" });
    const newAssignee = await createTestUser(db, organizationId, { role: "viewer" });
    const bystander = await createTestUser(db, organizationId, { role: "manager" });

    const ownedDocument = await createObject(organizationId, "document", target.id);
    const ownedPart = await createObject(organizationId, "part", target.id);
    const othersObject = await createObject(organizationId, "part", bystander.id);
    const draftWorkflow = await createWorkflow(organizationId, target.id, "draft");
    const runningWorkflow = await createWorkflow(organizationId, target.id, "in_progress");
    const completedWorkflow = await createWorkflow(organizationId, target.id, "completed");
    const openWorkflowTask = await createWorkflowTask(organizationId, target.id);
    const doneWorkflowTask = await createWorkflowTask(organizationId, target.id, "done");
    const openProjectTask = await createProjectTask(organizationId, target.id);
    const doneProjectTask = await createProjectTask(organizationId, target.id, true);
    const sessionIds = await Promise.all(
      ["192.0.2.10", "192.0.2.11"].map((clientAddress) =>
        openUsageSession(db, { organizationId, userId: target.id, method: "password", clientAddress, userAgent: null }),
      ),
    );
    const signedOut = await openUsageSession(db, { organizationId, userId: target.id, method: "password", clientAddress: null, userAgent: null });
    await endUsageSession(db, signedOut, "signed_out");
    const newOwnerSession = await openUsageSession(db, { organizationId, userId: newOwner.id, method: "sso", clientAddress: null, userAgent: null });
    const versionBefore = await authzVersion(organizationId);

    const outcome = dataOf(
      await deactivateUser(db, actor, {
        userId: target.id,
        expectedVersion: target.version,
        newOwnerId: newOwner.id,
        newAssigneeId: newAssignee.id,
      }),
    );

    // The completed workflow is history: it stays with the person who led it. Created workflows are objects
    // the target owns too (2 documents/parts + 3 workflows).
    expect(outcome).toEqual({
      userId: target.id,
      reassignedObjects: 5,
      reassignedWorkflows: 2,
      reassignedTasks: 2,
      endedSessions: 2,
    });

    expect(await userRow(target.id)).toMatchObject({ active: false, deactivatedAt: expect.any(Date), version: target.version + 1 });

    const ownerRows = await db
      .select({ id: objects.id, ownerId: objects.ownerId, createdById: objects.createdById })
      .from(objects)
      .where(inArray(objects.id, [ownedDocument, ownedPart, othersObject, draftWorkflow, runningWorkflow, completedWorkflow]));
    const ownerOf = Object.fromEntries(ownerRows.map((row) => [row.id, row.ownerId]));
    expect(ownerOf).toEqual({
      [ownedDocument]: newOwner.id,
      [ownedPart]: newOwner.id,
      [othersObject]: bystander.id,
      [draftWorkflow]: newOwner.id,
      [runningWorkflow]: newOwner.id,
      [completedWorkflow]: newOwner.id,
    });
    // Authorship is kept (SPEC §1: deactivation keeps all it authored).
    expect(ownerRows.find((row) => row.id === ownedDocument)?.createdById).toBe(target.id);

    const responsible = await db
      .select({ id: workflows.objectId, responsibleId: workflows.responsibleId })
      .from(workflows)
      .where(inArray(workflows.objectId, [draftWorkflow, runningWorkflow, completedWorkflow]));
    expect(Object.fromEntries(responsible.map((row) => [row.id, row.responsibleId]))).toEqual({
      [draftWorkflow]: newOwner.id,
      [runningWorkflow]: newOwner.id,
      [completedWorkflow]: target.id,
    });

    const workflowAssignees = await db
      .select({ id: workflowTasks.id, assigneeId: workflowTasks.assigneeId })
      .from(workflowTasks)
      .where(inArray(workflowTasks.id, [openWorkflowTask, doneWorkflowTask]));
    expect(Object.fromEntries(workflowAssignees.map((row) => [row.id, row.assigneeId]))).toEqual({
      [openWorkflowTask]: newAssignee.id,
      [doneWorkflowTask]: target.id,
    });
    const projectAssignees = await db
      .select({ id: projectTasks.id, assigneeId: projectTasks.assigneeId })
      .from(projectTasks)
      .where(inArray(projectTasks.id, [openProjectTask, doneProjectTask]));
    expect(Object.fromEntries(projectAssignees.map((row) => [row.id, row.assigneeId]))).toEqual({
      [openProjectTask]: newAssignee.id,
      [doneProjectTask]: target.id,
    });

    const sessions = await db
      .select({ id: usageSessions.id, endedAt: usageSessions.endedAt, endReason: usageSessions.endReason })
      .from(usageSessions)
      .where(inArray(usageSessions.userId, [target.id, newOwner.id]));
    const reasonOf = Object.fromEntries(sessions.map((row) => [row.id, row.endReason]));
    expect(reasonOf).toEqual({
      [sessionIds[0] ?? ""]: "deactivated",
      [sessionIds[1] ?? ""]: "deactivated",
      [signedOut]: "signed_out",
      [newOwnerSession]: null,
    });
    expect(sessions.filter((row) => row.endReason === "deactivated").every((row) => row.endedAt !== null)).toBe(true);

    expect(await authzVersion(organizationId)).toBe(versionBefore + 1);
    expect(await audited(organizationId, "user.deactivated")).toEqual([
      {
        actorId: admin.id,
        targetId: target.id,
        before: { active: true, version: target.version },
        after: {
          active: false,
          newOwnerId: newOwner.id,
          newAssigneeId: newAssignee.id,
          reassignedObjects: 5,
          reassignedWorkflows: 2,
          reassignedTasks: 2,
          endedSessions: 2,
        },
      },
    ]);
  });

  it("hands over trashed objects too, so a restored Private object is never orphaned", async () => {
    const { organizationId, actor } = await organizationWithAdmin();
    const target = await createTestUser(db, organizationId, { role: "manager" });
    const newOwner = await createTestUser(db, organizationId, { role: "admin" });
    const trashed = await createObject(organizationId, "document", target.id, { trashed: true });

    // Restorable from the trash for 30 days (SPEC §9): it needs an owner who can still see it.
    const refused = await deactivateUser(db, actor, { userId: target.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid", fields: { newOwnerId: expect.any(String) } } });

    expect(dataOf(await deactivateUser(db, actor, { userId: target.id, newOwnerId: newOwner.id }))).toMatchObject({
      reassignedObjects: 1,
    });
    const [row] = await db.select({ ownerId: objects.ownerId }).from(objects).where(eq(objects.id, trashed));
    expect(row?.ownerId).toBe(newOwner.id);
  });
});

describe("reactivateUser", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  async function authzVersion(organizationId: string): Promise<number> {
    const [row] = await db
      .select({ authzVersion: organizations.authzVersion })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    return row?.authzVersion ?? 0;
  }

  it("reactivates a deactivated account by e-mail, whatever its case, bumps the authorization version and audits", async () => {
    const organizationId = (await createTestOrganization(db, "Reactivation")).id;
    const admin = await createTestUser(db, organizationId, { role: "admin" });
    const target = await createTestUser(db, organizationId);
    dataOf(await deactivateUser(db, await actingUserOf(db, admin), { userId: target.id }));
    const versionBefore = await authzVersion(organizationId);

    expect(await reactivateUser(db, ` ${target.email.toUpperCase()} `)).toEqual({
      ok: true,
      data: { id: target.id, email: target.email },
    });

    const [row] = await db.select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ active: true, deactivatedAt: null, version: target.version + 2 });
    expect(await authzVersion(organizationId)).toBe(versionBefore + 1);
    const entries = await db
      .select({ actorId: auditLog.actorId, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "user.reactivated")));
    expect(entries).toEqual([{ actorId: null, targetId: target.id, before: { active: false }, after: { active: true } }]);
  });

  it("refuses an active account and an unknown e-mail, changing nothing", async () => {
    const organizationId = (await createTestOrganization(db, "Reactivation")).id;
    const active = await createTestUser(db, organizationId);
    const versionBefore = await authzVersion(organizationId);

    expect(await reactivateUser(db, active.email)).toMatchObject({ ok: false, error: { code: "conflict" } });
    const unknown = uniqueEmail("nobody");
    expect(await reactivateUser(db, unknown)).toMatchObject({
      ok: false,
      error: { code: "not_found", message: expect.stringContaining(unknown) },
    });

    const [row] = await db.select({ version: users.version }).from(users).where(eq(users.id, active.id));
    expect(row?.version).toBe(active.version);
    expect(await authzVersion(organizationId)).toBe(versionBefore);
    const entries = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "user.reactivated")));
    expect(entries).toEqual([]);
  });
});
