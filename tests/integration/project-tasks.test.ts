import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listTasksRoute, POST as createTaskRoute } from "@/app/api/v1/objects/[id]/tasks/route";
import { DELETE as deleteTaskRoute, PATCH as patchTaskRoute } from "@/app/api/v1/project-tasks/[taskId]/route";
import { getDb, type Database } from "@/db/client";
import { integrations, projectTasks, users } from "@/db/schema";
import { loadObjectAccessFacts } from "@/lib/authz/object-access";
import { issueApiToken } from "@/lib/integrations/api-tokens";
import { getObjectDetails } from "@/lib/object-details/get-object-details";
import { createProjectTask as createProjectTaskService } from "@/lib/project-tasks/create-project-task";
import { deleteProjectTask as deleteProjectTaskService } from "@/lib/project-tasks/delete-project-task";
import { listProjectTasks as listProjectTasksService } from "@/lib/project-tasks/list-project-tasks";
import { listAssignableUsers } from "@/lib/project-tasks/task-assignee";
import { updateProjectTask as updateProjectTaskService } from "@/lib/project-tasks/update-project-task";
import { dataOf, inEnglish } from "../fixtures/results";
import { ObjectsWorld } from "./objects-world";

const createProjectTask = async (...args: Parameters<typeof createProjectTaskService>) => inEnglish(await createProjectTaskService(...args));
const updateProjectTask = async (...args: Parameters<typeof updateProjectTaskService>) => inEnglish(await updateProjectTaskService(...args));
const deleteProjectTask = async (...args: Parameters<typeof deleteProjectTaskService>) => inEnglish(await deleteProjectTaskService(...args));
const listProjectTasks = async (...args: Parameters<typeof listProjectTasksService>) => inEnglish(await listProjectTasksService(...args));

const notFound = { ok: false, error: { code: "not_found", message: "This object does not exist, or you do not have access to it." } };
const forbiddenByRole = { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };

describe("project tasks", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  /** A Lyon project; Everyone views, Managers modify. */
  async function lyonProject() {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true } },
        { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
      ],
    });
    const manager = await world.actor({ role: "manager", sites: ["Lyon"], name: "Max Manager" });
    const viewer = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Vera Viewer" });
    const kiosk = await world.actor({ role: "shared_computer", sites: ["Lyon"], name: "Lyon kiosk" });
    const outsider = await world.actor({ role: "manager", sites: ["Toulouse"], name: "Toni Toulouse" });
    const project = await world.createObject(manager, { type: "project", title: "Pump redesign" });
    return { world, manager, viewer, kiosk, outsider, project };
  }

  it("adds, lists, edits and deletes tasks, each with its version", async () => {
    const { manager, viewer, project } = await lyonProject();
    const first = dataOf(await createProjectTask(db, manager, { id: project.id, title: "Draw the impeller", assigneeId: viewer.id, dueDate: "2026-02-01" }));
    expect(first).toMatchObject({
      projectId: project.id,
      title: "Draw the impeller",
      assignee: { id: viewer.id, name: "Vera Viewer", active: true },
      dueDate: "2026-02-01",
      done: false,
      doneAt: null,
      position: 0,
      version: 1,
    });
    const second = dataOf(await createProjectTask(db, manager, { id: project.id, title: "Order castings" }));
    expect(second).toMatchObject({ position: 1, assignee: null, dueDate: null });

    const done = dataOf(await updateProjectTask(db, manager, { taskId: first.id, version: 1, done: true, title: "Draw the new impeller" }));
    expect(done).toMatchObject({ done: true, title: "Draw the new impeller", version: 2 });
    expect(done.doneAt).toEqual(expect.any(String));
    const reopened = dataOf(await updateProjectTask(db, manager, { taskId: first.id, version: 2, done: "false", assigneeId: "", dueDate: "" }));
    expect(reopened).toMatchObject({ done: false, doneAt: null, assignee: null, dueDate: null, version: 3 });
    const unchanged = dataOf(await updateProjectTask(db, manager, { taskId: first.id, version: 3, done: false }));
    expect(unchanged.version).toBe(3);
    dataOf(await updateProjectTask(db, manager, { taskId: first.id, version: 3, position: 5 }));

    const listed = dataOf(await listProjectTasks(db, viewer, { id: project.id }));
    expect(listed.items.map((task) => task.title)).toEqual(["Order castings", "Draw the new impeller"]);

    expect(dataOf(await deleteProjectTask(db, manager, { taskId: second.id, version: 1 }))).toEqual({ id: second.id, projectId: project.id });
    expect(dataOf(await listProjectTasks(db, viewer, { id: project.id })).items.map((task) => task.id)).toEqual([first.id]);
  });

  it("refuses a stale task edit or delete, and a task that is gone", async () => {
    const { manager, project } = await lyonProject();
    const task = dataOf(await createProjectTask(db, manager, { id: project.id, title: "Test the seal" }));
    dataOf(await updateProjectTask(db, manager, { taskId: task.id, version: 1, title: "Test the new seal" }));
    const staleTask = {
      ok: false,
      error: { code: "conflict", message: "This task was changed by someone else since you opened it. Reload the page to see the changes." },
    };
    expect(await updateProjectTask(db, manager, { taskId: task.id, version: 1, done: true })).toEqual(staleTask);
    expect(await deleteProjectTask(db, manager, { taskId: task.id, version: 1 })).toEqual(staleTask);
    dataOf(await deleteProjectTask(db, manager, { taskId: task.id }));
    const gone = await updateProjectTask(db, manager, { taskId: task.id, version: 2, done: true });
    expect(gone).toEqual({ ok: false, error: { code: "not_found", message: "This task does not exist, or you do not have access to its project." } });
  });

  it("needs edit on the project: viewers and kiosks 403, a project out of sight 404", async () => {
    const { manager, viewer, kiosk, outsider, world } = await lyonProject();
    const hidden = await world.createObject(outsider, { type: "project", title: "Toulouse project" });
    const project = await world.createObject(manager, { type: "project", title: "Lyon project" });
    const task = dataOf(await createProjectTask(db, manager, { id: project.id, title: "Plan" }));
    const hiddenTask = dataOf(await createProjectTask(db, outsider, { id: hidden.id, title: "Secret plan" }));

    expect(await createProjectTask(db, viewer, { id: project.id, title: "Mine" })).toEqual(forbiddenByRole);
    expect(await createProjectTask(db, kiosk, { id: project.id, title: "Mine" })).toEqual(forbiddenByRole);
    expect(await updateProjectTask(db, viewer, { taskId: task.id, version: 1, done: true })).toEqual(forbiddenByRole);
    expect(await deleteProjectTask(db, kiosk, { taskId: task.id })).toEqual(forbiddenByRole);

    expect(await createProjectTask(db, manager, { id: hidden.id, title: "Mine" })).toEqual(notFound);
    expect(await listProjectTasks(db, manager, { id: hidden.id })).toEqual(notFound);
    expect(await updateProjectTask(db, manager, { taskId: hiddenTask.id, version: 1, done: true })).toEqual(notFound);
    expect(await deleteProjectTask(db, manager, { taskId: hiddenTask.id })).toEqual(notFound);
    const [row] = await db.select().from(projectTasks).where(eq(projectTasks.id, hiddenTask.id));
    expect(row?.doneAt).toBeNull();
  });

  it("exist only on projects", async () => {
    const { manager, world } = await lyonProject();
    const part = await world.createObject(manager, { type: "part", title: "Shaft" });
    const notAProject = { ok: false, error: { code: "not_found", message: "Only projects have tasks." } };
    expect(await createProjectTask(db, manager, { id: part.id, title: "x" })).toEqual(notAProject);
    expect(await listProjectTasks(db, manager, { id: part.id })).toEqual(notAProject);
  });

  describe("assignees", () => {
    it("must be active personal accounts, Viewer+, who can view the project", async () => {
      const { world, manager, viewer, kiosk, outsider, project } = await lyonProject();
      const toulouseViewer = await world.actor({ role: "viewer", sites: ["Toulouse"] });
      const gone = await world.addUser({ role: "viewer", sites: ["Lyon"], active: false });
      const service = await world.addUser({ role: "viewer", sites: ["Lyon"] });
      await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
      const elsewhere = await ObjectsWorld.create(db);
      const foreigner = await elsewhere.addUser({ role: "viewer" });

      const refusal = async (assigneeId: string) => {
        const result = await createProjectTask(db, manager, { id: project.id, title: "Task", assigneeId });
        return result.ok ? null : result.error.fields?.assigneeId;
      };
      expect(await refusal(kiosk.id)).toBe("Shared-computer and integration accounts cannot be given tasks: pick a personal account.");
      expect(await refusal(service.id)).toBe("Shared-computer and integration accounts cannot be given tasks: pick a personal account.");
      expect(await refusal(gone.id)).toBe("This user is deactivated: pick an active one.");
      expect(await refusal(foreigner.id)).toBe("Pick a user of the organisation.");
      expect(await refusal(toulouseViewer.id)).toBe("This user cannot view this project, so cannot be given a task on it.");
      expect(await refusal(outsider.id)).toBe("This user cannot view this project, so cannot be given a task on it.");
      expect(await refusal(viewer.id)).toBeNull();

      const task = dataOf(await createProjectTask(db, manager, { id: project.id, title: "Mine" }));
      const moved = await updateProjectTask(db, manager, { taskId: task.id, version: 1, assigneeId: kiosk.id });
      expect(moved.ok || moved.error.fields).toEqual({ assigneeId: "Shared-computer and integration accounts cannot be given tasks: pick a personal account." });

      const facts = await loadObjectAccessFacts(db, world.organizationId, project.id);
      const assignable = await listAssignableUsers(db, world.organizationId, facts!);
      expect(assignable.map((person) => person.name).sort()).toEqual(["Max Manager", "Vera Viewer"]);
    });

    it("need View, not only View without download", async () => {
      const world = await ObjectsWorld.create(db, {
        sites: ["Lyon"],
        rules: [
          { name: "Everyone previews", level: "view_no_download", users: { all: true } },
          { name: "Managers modify", level: "modify", users: { roles: ["manager"] } },
        ],
      });
      const manager = await world.actor({ role: "manager", sites: ["Lyon"] });
      const viewer = await world.actor({ role: "viewer", sites: ["Lyon"] });
      const project = await world.createObject(manager, { type: "project", title: "Redesign" });
      const result = await createProjectTask(db, manager, { id: project.id, title: "Task", assigneeId: viewer.id });
      expect(result.ok || result.error.fields).toEqual({ assigneeId: "This user cannot view this project, so cannot be given a task on it." });
    });
  });

  it("count towards the project's completion: none without tasks, done over all, rounded down", async () => {
    const { manager, project } = await lyonProject();
    const progress = async () => {
      const details = dataOf(await getObjectDetails(db, manager, { id: project.id }));
      return details.type === "project" ? details.tasks : null;
    };
    expect(await progress()).toEqual({ total: 0, done: 0, completion: null });
    const tasks = [];
    for (const title of ["One", "Two", "Three"]) tasks.push(dataOf(await createProjectTask(db, manager, { id: project.id, title })));
    expect(await progress()).toEqual({ total: 3, done: 0, completion: 0 });
    dataOf(await updateProjectTask(db, manager, { taskId: tasks[0]!.id, version: 1, done: true }));
    dataOf(await updateProjectTask(db, manager, { taskId: tasks[1]!.id, version: 1, done: true }));
    expect(await progress()).toEqual({ total: 3, done: 2, completion: 66 });
    dataOf(await updateProjectTask(db, manager, { taskId: tasks[2]!.id, version: 1, done: true }));
    expect(await progress()).toEqual({ total: 3, done: 3, completion: 100 });
  });

  it("page by cursor", async () => {
    const { manager, project } = await lyonProject();
    for (const title of ["A", "B", "C", "D", "E"]) dataOf(await createProjectTask(db, manager, { id: project.id, title }));
    const titles: string[] = [];
    let cursor: string | undefined;
    do {
      const page = dataOf(await listProjectTasks(db, manager, { id: project.id, limit: 2, cursor }));
      titles.push(...page.items.map((task) => task.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(titles).toEqual(["A", "B", "C", "D", "E"]);
    const bad = await listProjectTasks(db, manager, { id: project.id, cursor: "nonsense" });
    expect(bad.ok || bad.error.fields).toEqual({ cursor: "This cursor is not valid: start again from the first page." });
  });

  it("through /api/v1: 201 on create, strict inputs, 404 for a task of a project out of sight", async () => {
    const { world, outsider, project } = await lyonProject();
    const service = await world.addUser({ role: "manager", sites: ["Lyon"] });
    await db.update(users).set({ kind: "service", passwordHash: null }).where(eq(users.id, service.id));
    const [integration] = await db.insert(integrations).values({ organizationId: world.organizationId, name: "Planner", serviceUserId: service.id }).returning();
    const { token } = await issueApiToken(db, { organizationId: world.organizationId, integrationId: integration!.id, name: "test" });
    const call = (route: typeof listTasksRoute, path: string, params: Record<string, string>, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      if (init.body) headers.set("content-type", "application/json");
      return route(new Request(`http://atelier.test${path}`, { ...init, headers }), { params: Promise.resolve(params) });
    };

    const created = await call(createTaskRoute, `/api/v1/objects/${project.id}/tasks`, { id: project.id }, { method: "POST", body: JSON.stringify({ title: "Weld", dueDate: "2026-03-01" }) });
    expect(created.status).toBe(201);
    const task = (await created.json()) as { id: string; version: number };
    const unknown = await call(createTaskRoute, `/api/v1/objects/${project.id}/tasks`, { id: project.id }, { method: "POST", body: JSON.stringify({ title: "Weld", priority: 1 }) });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("priority");

    const listed = await call(listTasksRoute, `/api/v1/objects/${project.id}/tasks?limit=10`, { id: project.id });
    expect(await listed.json()).toMatchObject({ items: [{ id: task.id, title: "Weld" }], nextCursor: null });

    const patched = await call(patchTaskRoute, `/api/v1/project-tasks/${task.id}`, { taskId: task.id }, { method: "PATCH", body: JSON.stringify({ version: 1, done: true }) });
    expect(patched.status).toBe(200);
    const stalePatch = await call(patchTaskRoute, `/api/v1/project-tasks/${task.id}`, { taskId: task.id }, { method: "PATCH", body: JSON.stringify({ version: 1, done: false }) });
    expect(stalePatch.status).toBe(409);

    const hidden = await world.createObject(outsider, { type: "project", title: "Toulouse project" });
    const hiddenTask = dataOf(await createProjectTask(db, outsider, { id: hidden.id, title: "Secret" }));
    const outOfSight = await call(patchTaskRoute, `/api/v1/project-tasks/${hiddenTask.id}`, { taskId: hiddenTask.id }, { method: "PATCH", body: JSON.stringify({ version: 1, done: true }) });
    const unknownTask = await call(deleteTaskRoute, `/api/v1/project-tasks/00000000-0000-4000-8000-000000000000`, { taskId: "00000000-0000-4000-8000-000000000000" }, { method: "DELETE" });
    expect([outOfSight.status, unknownTask.status]).toEqual([404, 404]);

    const deleted = await call(deleteTaskRoute, `/api/v1/project-tasks/${task.id}?version=2`, { taskId: task.id }, { method: "DELETE" });
    expect(deleted.status).toBe(200);
  });
});
