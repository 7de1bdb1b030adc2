import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/workflows/route";
import { DELETE as deleteRoute, GET as readRoute, PATCH as patchRoute } from "@/app/api/v1/workflows/[id]/route";
import { POST as cancelRoute } from "@/app/api/v1/workflows/[id]/cancel/route";
import { POST as completeRoute } from "@/app/api/v1/workflows/[id]/complete/route";
import { POST as startRoute } from "@/app/api/v1/workflows/[id]/start/route";
import { POST as addTaskRoute } from "@/app/api/v1/workflows/[id]/tasks/route";
import { POST as completeTaskRoute } from "@/app/api/v1/tasks/[taskId]/complete/route";
import { POST as signRoute } from "@/app/api/v1/tasks/[taskId]/sign/route";
import { getDb, type Database } from "@/db/client";
import { activityEvents, documentRevisions, integrations, notifications, objects, signatures, users, workflowTasks } from "@/db/schema";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { addWorkflowTask as addWorkflowTaskService } from "@/lib/workflows/add-workflow-task";
import { cancelWorkflow as cancelWorkflowService, deleteWorkflow, startWorkflow } from "@/lib/workflows/change-workflow-status";
import { completeWorkflowTask as completeWorkflowTaskService } from "@/lib/workflows/complete-workflow-task";
import { createWorkflow as createWorkflowService } from "@/lib/workflows/create-workflow";
import { getWorkflow } from "@/lib/workflows/get-workflow";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { signWorkflowTask as signWorkflowTaskService } from "@/lib/workflows/sign-workflow-task";
import { updateWorkflow } from "@/lib/workflows/update-workflow";
import { listWorkflowAssignees } from "@/lib/workflows/workflow-people";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const createWorkflow = async (...args: Parameters<typeof createWorkflowService>) => inEnglish(await createWorkflowService(...args));
const addWorkflowTask = async (...args: Parameters<typeof addWorkflowTaskService>) => inEnglish(await addWorkflowTaskService(...args));
const cancelWorkflow = async (...args: Parameters<typeof cancelWorkflowService>) => inEnglish(await cancelWorkflowService(...args));
const completeWorkflowTask = async (...args: Parameters<typeof completeWorkflowTaskService>) => inEnglish(await completeWorkflowTaskService(...args));
const signWorkflowTask = async (...args: Parameters<typeof signWorkflowTaskService>) => inEnglish(await signWorkflowTaskService(...args));

describe("change workflows", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** Lyon and Toulouse; everyone views what their scope lets them, Admins have full access. */
  async function lyon() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Admins — Full", level: "full", users: { roles: ["admin"] } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Max Manager" });
    const otherManager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Mia Manager" });
    const admin = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Vera Viewer" });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"], name: "Lyon kiosk" });
    const gone = await world.addUser({ role: "viewer", sites: ["Lyon"], name: "Gone Viewer", active: false });
    const toulousian = await world.actor({ role: "viewer", sites: ["Toulouse"], name: "Toni Toulouse" });
    const toulouseManager = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Tom Toulouse" });
    const drawing = await world.createObject(manager, { type: "document", title: "Pump drawing" });
    const [revisionA] = await db.select().from(documentRevisions).where(eq(documentRevisions.objectId, drawing.id));
    const hiddenDrawing = await world.createObject(toulouseManager, { type: "document", title: "Toulouse drawing" });
    const [hiddenRevision] = await db.select().from(documentRevisions).where(eq(documentRevisions.objectId, hiddenDrawing.id));
    return { world, manager, otherManager, admin, viewer, kiosk, gone, toulousian, toulouseManager, drawing, revisionA: revisionA!, hiddenDrawing, hiddenRevision: hiddenRevision! };
  }

  /** An ECO on the drawing with a signature task on its draft revision A for the viewer, started. */
  async function startedEco(made: Awaited<ReturnType<typeof lyon>>) {
    const { manager, viewer, drawing, revisionA } = made;
    const created = dataOf(
      await createWorkflow(db, manager, {
        title: "ECO pump drawing",
        kind: "ECO",
        subjectIds: [drawing.id],
        tasks: [{ title: "Approve revision A", kind: "signature", assigneeId: viewer.id, dueDate: "2026-12-20", revisionId: revisionA.id }],
      }),
    );
    const started = dataOf(await startWorkflow(db, manager, { id: created.id, version: created.version }));
    return started;
  }

  async function tokenFor(world: ObjectsWorld, role: "manager" | "viewer", site: string) {
    const service = await world.addUser({ role, sites: [site] });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: `${role} ${site}`, serviceUserId: service.id }).returning();
    return (await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" })).token;
  }

  const call = (route: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, token: string, method: string, params: Record<string, string>, body?: unknown, query = "") =>
    route(
      new Request(`http://atelier.test/api/v1/x${query}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { params: Promise.resolve(params) },
    );

  it("launches a workflow in draft with its responsible, subjects and tasks, then starts it", async () => {
    const made = await lyon();
    const { manager, viewer, drawing, revisionA, otherManager } = made;
    const created = dataOf(
      await createWorkflow(db, manager, {
        title: "ECO pump drawing",
        kind: "ECO",
        responsibleId: otherManager.id,
        subjectIds: [drawing.id],
        tasks: [
          { title: "Check the bill of materials", assigneeId: viewer.id, dueDate: "2026-12-15" },
          { title: "Approve revision A", kind: "signature", assigneeId: viewer.id, revisionId: revisionA.id },
        ],
      }),
    );
    expect(created).toMatchObject({ kind: "ECO", status: "draft", responsible: { id: otherManager.id, name: "Mia Manager" } });
    expect(created.reference).toMatch(/^WF-/);
    expect(created.subjects.map((subject) => subject.id)).toEqual([drawing.id]);
    expect(created.tasks.map((task) => [task.title, task.kind, task.status, task.assignee?.name, task.dueDate, task.revision?.label])).toEqual([
      ["Check the bill of materials", "task", "open", "Vera Viewer", "2026-12-15", undefined],
      ["Approve revision A", "signature", "open", "Vera Viewer", null, "A"],
    ]);
    // The creator named another responsible: only that Manager (or an Admin) manages it now.
    expect((await startWorkflow(db, manager, { id: created.id, version: created.version })).ok).toBe(false);
    const started = dataOf(await startWorkflow(db, otherManager, { id: created.id, version: created.version }));
    expect(started.status).toBe("in_progress");
    expect(started.startedAt).toEqual(expect.any(String));
    const told = await db.select({ kind: notifications.kind, data: notifications.data }).from(notifications).where(eq(notifications.userId, viewer.id));
    expect(told.map((row) => row.kind).sort()).toEqual(["task_assigned", "task_assigned", "workflow_changed"]);
    const listed = dataOf(await listWorkflows(db, viewer, { objectId: drawing.id }));
    expect(listed.items.map((item) => [item.id, item.status, item.openTaskCount])).toEqual([[created.id, "in_progress", 2]]);
  });

  it("refuses a Viewer who launches a workflow (403), in the service and the API", async () => {
    const { world, viewer } = await lyon();
    expect(await createWorkflow(db, viewer, { title: "Mine", kind: "ECR" })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only Managers and Admins can launch workflows." },
    });
    const token = await tokenFor(world, "viewer", "Lyon");
    expect((await call(createRoute, token, "POST", {}, { title: "Mine", kind: "ECR" })).status).toBe(403);
  });

  it("lets the responsible Manager and an Admin cancel, never another Manager", async () => {
    const made = await lyon();
    const { manager, otherManager, admin } = made;
    const first = dataOf(await createWorkflow(db, manager, { title: "ECR one", kind: "ECR" }));
    expect(await cancelWorkflow(db, otherManager, { id: first.id, version: first.version })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only its responsible Manager or an Admin can manage this workflow." },
    });
    const cancelled = dataOf(await cancelWorkflow(db, manager, { id: first.id, version: first.version }));
    expect(cancelled.status).toBe("cancelled");
    const second = dataOf(await createWorkflow(db, manager, { title: "ECR two", kind: "ECR" }));
    expect(dataOf(await cancelWorkflow(db, admin, { id: second.id, version: second.version })).status).toBe("cancelled");
    // Stale and finished.
    const third = dataOf(await createWorkflow(db, manager, { title: "ECR three", kind: "ECR" }));
    expect((await cancelWorkflow(db, admin, { id: third.id, version: third.version + 1 })).ok).toBe(false);
    expect(await cancelWorkflow(db, admin, { id: second.id, version: second.version + 1 })).toMatchObject({ ok: false, error: { code: "conflict" } });
    // Delete: another Manager is refused, the responsible moves it to the trash.
    expect((await deleteWorkflow(db, otherManager, { id: third.id, version: third.version })).ok).toBe(false);
    dataOf(await deleteWorkflow(db, manager, { id: third.id, version: third.version }));
    expect((await getWorkflow(db, manager, { id: third.id })).ok).toBe(false);
  });

  it("refuses shared-computer, deactivated and out-of-scope assignees, and offers none of them", async () => {
    const made = await lyon();
    const { manager, kiosk, gone, toulousian, viewer, drawing, revisionA } = made;
    const workflow = dataOf(await createWorkflow(db, manager, { title: "ECO", kind: "ECO", subjectIds: [drawing.id] }));
    const refusals = [];
    for (const assigneeId of [kiosk.id, gone.id, toulousian.id]) {
      const result = await addWorkflowTask(db, manager, { id: workflow.id, title: "Sign", kind: "signature", assigneeId, revisionId: revisionA.id });
      refusals.push(result.ok ? null : [result.error.code, result.error.fields?.assigneeId]);
    }
    expect(refusals).toEqual([
      ["invalid", "Shared-computer and integration accounts cannot be given tasks: pick a personal account."],
      ["invalid", "This user is deactivated: pick an active one."],
      ["invalid", "This user cannot view this workflow or one of its subjects, so cannot be given a task on it."],
    ]);
    // A task on a workflow created with a refused assignee leaves no workflow behind.
    const before = await db.select({ id: objects.id }).from(objects).where(and(eq(objects.organizationId, made.world.organizationId), eq(objects.type, "workflow")));
    const refused = await createWorkflow(db, manager, { title: "ECO", kind: "ECO", subjectIds: [drawing.id], tasks: [{ title: "Sign", assigneeId: kiosk.id }] });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid", fields: { "tasks.0.assigneeId": expect.any(String) } } });
    const after = await db.select({ id: objects.id }).from(objects).where(and(eq(objects.organizationId, made.world.organizationId), eq(objects.type, "workflow")));
    expect(after.length).toBe(before.length);

    const facts = await loadObjectAccessFacts(db, made.world.organizationId, workflow.id);
    const subjectFacts = await loadObjectAccessFacts(db, made.world.organizationId, drawing.id);
    const offered = (await listWorkflowAssignees(db, made.world.organizationId, facts!, [subjectFacts!])).map((person) => person.name);
    expect(offered).toContain("Vera Viewer");
    expect(offered).not.toContain("Lyon kiosk");
    expect(offered).not.toContain("Gone Viewer");
    expect(offered).not.toContain("Toni Toulouse");

    // The responsible Manager's colleague is refused before any assignee check.
    const token = await tokenFor(made.world, "manager", "Lyon");
    expect((await call(addTaskRoute, token, "POST", { id: workflow.id }, { title: "Review", assigneeId: viewer.id })).status).toBe(403);
  });

  it("validates the draft revision when every signature of the ECO approves, and completes the workflow", async () => {
    const made = await lyon();
    const { manager, viewer, drawing, revisionA, otherManager } = made;
    const started = await startedEco(made);
    const task = started.tasks[0]!;
    // Only the assignee signs.
    expect(await signWorkflowTask(db, otherManager, { taskId: task.id, version: task.version, decision: "approved" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await completeWorkflowTask(db, viewer, { taskId: task.id, version: task.version })).toMatchObject({ ok: false, error: { code: "invalid" } });
    const signed = dataOf(await signWorkflowTask(db, viewer, { taskId: task.id, version: task.version, decision: "approved", comment: "Looks right." }));
    expect(signed.status).toBe("completed");
    expect(signed.tasks[0]).toMatchObject({ status: "done", signatures: [{ decision: "approved", comment: "Looks right.", signer: { id: viewer.id } }] });
    const [revision] = await db.select().from(documentRevisions).where(eq(documentRevisions.id, revisionA.id));
    expect(revision).toMatchObject({ status: "validated", validatedById: manager.id });
    const onDocument = await db.select({ kind: activityEvents.kind, data: activityEvents.data }).from(activityEvents).where(eq(activityEvents.objectId, drawing.id));
    expect(onDocument.map((event) => event.kind)).toEqual(expect.arrayContaining(["revision_signed", "revision_validated"]));
    const [signature] = await db.select().from(signatures).where(eq(signatures.taskId, task.id));
    expect(signature).toMatchObject({ revisionId: revisionA.id, signerId: viewer.id, decision: "approved" });
    // Signed once: a second try is a conflict.
    expect((await signWorkflowTask(db, viewer, { taskId: task.id, version: task.version, decision: "approved" })).ok).toBe(false);
  });

  it("sends a rejected revision back: it stays a draft, the workflow returns to draft with the comment, and restarts", async () => {
    const made = await lyon();
    const { manager, viewer, drawing, revisionA } = made;
    const started = await startedEco(made);
    const task = started.tasks[0]!;
    expect(await signWorkflowTask(db, viewer, { taskId: task.id, version: task.version, decision: "rejected" })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { comment: "Say why you reject it." } },
    });
    const rejected = dataOf(await signWorkflowTask(db, viewer, { taskId: task.id, version: task.version, decision: "rejected", comment: "The flange is missing." }));
    expect(rejected.status).toBe("draft");
    expect(rejected.tasks[0]!.signatures).toMatchObject([{ decision: "rejected", comment: "The flange is missing." }]);
    const [revision] = await db.select({ status: documentRevisions.status }).from(documentRevisions).where(eq(documentRevisions.id, revisionA.id));
    expect(revision!.status).toBe("draft");
    const [event] = await db.select({ data: activityEvents.data }).from(activityEvents).where(and(eq(activityEvents.objectId, drawing.id), eq(activityEvents.kind, "revision_rejected")));
    expect(event!.data).toMatchObject({ label: "A", decision: "rejected", comment: "The flange is missing." });
    const managerTold = await db.select({ data: notifications.data }).from(notifications).where(and(eq(notifications.userId, manager.id), eq(notifications.kind, "workflow_changed")));
    expect(managerTold.map((row) => row.data)).toEqual([expect.objectContaining({ change: "rejected", comment: "The flange is missing." })]);

    // Restarted: the rejected signature task is open again, and an approval now validates.
    const restarted = dataOf(await startWorkflow(db, manager, { id: rejected.id, version: rejected.version }));
    const reopened = restarted.tasks[0]!;
    expect(reopened.status).toBe("open");
    dataOf(await signWorkflowTask(db, viewer, { taskId: reopened.id, version: reopened.version, decision: "approved" }));
    const [after] = await db.select({ status: documentRevisions.status }).from(documentRevisions).where(eq(documentRevisions.id, revisionA.id));
    expect(after!.status).toBe("validated");
  });

  it("lets the assignee complete a plain task, and only them", async () => {
    const made = await lyon();
    const { manager, viewer, otherManager } = made;
    const created = dataOf(await createWorkflow(db, manager, { title: "NPD", kind: "NPD", tasks: [{ title: "Market study", assigneeId: viewer.id }, { title: "Concept", assigneeId: otherManager.id }] }));
    const [study] = created.tasks;
    expect(await completeWorkflowTask(db, viewer, { taskId: study!.id, version: study!.version })).toMatchObject({ ok: false, error: { code: "conflict" } });
    const started = dataOf(await startWorkflow(db, manager, { id: created.id, version: created.version }));
    expect((await completeWorkflowTask(db, manager, { taskId: study!.id, version: study!.version })).ok).toBe(false);
    const done = dataOf(await completeWorkflowTask(db, viewer, { taskId: study!.id, version: study!.version }));
    expect(done.status).toBe("in_progress");
    expect(done.tasks.map((task) => task.status)).toEqual(["done", "open"]);
    const concept = started.tasks[1]!;
    expect(dataOf(await completeWorkflowTask(db, otherManager, { taskId: concept.id, version: concept.version })).status).toBe("completed");
    const [row] = await db.select({ completedById: workflowTasks.completedById }).from(workflowTasks).where(eq(workflowTasks.id, study!.id));
    expect(row!.completedById).toBe(viewer.id);
  });

  it("edits kind, responsible and subjects at the version read", async () => {
    const made = await lyon();
    const { manager, otherManager, viewer, drawing } = made;
    const created = dataOf(await createWorkflow(db, manager, { title: "ECR", kind: "ECR" }));
    const edited = dataOf(await updateWorkflow(db, manager, { id: created.id, version: created.version, kind: "ECO", subjectIds: [drawing.id] }));
    expect(edited).toMatchObject({ kind: "ECO", subjects: [{ id: drawing.id }] });
    expect(await updateWorkflow(db, manager, { id: created.id, version: created.version, kind: "ECN" })).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await updateWorkflow(db, manager, { id: created.id, version: edited.version, responsibleId: viewer.id })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { responsibleId: expect.any(String) } },
    });
    const handed = dataOf(await updateWorkflow(db, manager, { id: created.id, version: edited.version, responsibleId: otherManager.id, subjectIds: [] }));
    expect(handed).toMatchObject({ responsible: { id: otherManager.id }, subjects: [] });
  });

  it("answers 404 for out-of-scope workflows and documents on every workflow route", async () => {
    const made = await lyon();
    const { world, toulouseManager, hiddenDrawing, hiddenRevision, drawing, viewer, revisionA } = made;
    // A Toulouse workflow on the Toulouse drawing, with a task: none of it exists for a Lyon caller.
    const hidden = dataOf(
      await createWorkflow(db, toulouseManager, {
        title: "Toulouse ECO",
        kind: "ECO",
        subjectIds: [hiddenDrawing.id],
        tasks: [{ title: "Sign", kind: "signature", assigneeId: toulouseManager.id, revisionId: hiddenRevision.id }],
      }),
    );
    const hiddenTask = hidden.tasks[0]!;
    const token = await tokenFor(world, "manager", "Lyon");
    const id = { id: hidden.id };
    const statuses = [
      (await call(readRoute, token, "GET", id)).status,
      (await call(patchRoute, token, "PATCH", id, { version: hidden.version, kind: "ECN" })).status,
      (await call(deleteRoute, token, "DELETE", id, undefined, `?version=${hidden.version}`)).status,
      (await call(startRoute, token, "POST", id, { version: hidden.version })).status,
      (await call(completeRoute, token, "POST", id, { version: hidden.version })).status,
      (await call(cancelRoute, token, "POST", id, { version: hidden.version })).status,
      (await call(addTaskRoute, token, "POST", id, { title: "Sneak", assigneeId: viewer.id })).status,
      (await call(completeTaskRoute, token, "POST", { taskId: hiddenTask.id }, { version: 1 })).status,
      (await call(signRoute, token, "POST", { taskId: hiddenTask.id }, { version: 1, decision: "approved" })).status,
      (await call(listRoute, token, "GET", {}, undefined, `?objectId=${hiddenDrawing.id}`)).status,
      // Out-of-scope documents as subjects or signed revisions.
      (await call(createRoute, token, "POST", {}, { title: "Mine", kind: "ECO", subjectIds: [hiddenDrawing.id] })).status,
    ];
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404]);
    const listed = (await (await call(listRoute, token, "GET", {})).json()) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).not.toContain(hidden.id);

    // The token's own workflow on the Lyon drawing: a signature task on a Toulouse revision is 404 too.
    const own = (await (await call(createRoute, token, "POST", {}, { title: "Lyon ECO", kind: "ECO", subjectIds: [drawing.id] })).json()) as { id: string };
    const sneaky = await call(addTaskRoute, token, "POST", { id: own.id }, { title: "Sign", kind: "signature", assigneeId: viewer.id, revisionId: hiddenRevision.id });
    expect(sneaky.status).toBe(404);
    const fine = await call(addTaskRoute, token, "POST", { id: own.id }, { title: "Sign", kind: "signature", assigneeId: viewer.id, revisionId: revisionA.id });
    expect(fine.status).toBe(201);
    const kiosk = await call(addTaskRoute, token, "POST", { id: own.id }, { title: "Sign", assigneeId: made.kiosk.id });
    expect(kiosk.status).toBe(422);
    expect(((await kiosk.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("assigneeId");
    const unknownField = await call(addTaskRoute, token, "POST", { id: own.id }, { title: "Sign", assigneeId: viewer.id, colour: "red" });
    expect(unknownField.status).toBe(422);
  });
});
