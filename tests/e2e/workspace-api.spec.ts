import { randomUUID } from "node:crypto";
import { expect, test, type APIResponse, type Browser } from "@playwright/test";
import { expectJson, listAll, signInSession, type Session } from "./support/api-session";

// SPEC §4's action table through /api/v1, for each demo role, on objects this spec makes (and trashes afterwards) so
// its writes never disturb the demo data the other specs read. The expectation is computed here from SPEC §2–4 and the
// demo rules of SPEC §9 — never from the app's own answer — and then held against both the app's `access` answers
// (GET …/{id} and GET …/{id}/access) and the status of every route: it fails if either the rules or the routes drift.
// Downloads are in the table (the `download` action must be listed from `view` up) but not called: the file routes
// come with documents' revisions, in the next issue.

type Role = "shared_computer" | "viewer" | "manager" | "admin";
type Level = "view_no_download" | "view" | "modify" | "full";
type Effective = Level | "none";
type ObjectType = "document" | "part" | "product" | "project" | "manufacturing_order" | "workflow";

const rank: Record<Effective, number> = { none: 0, view_no_download: 1, view: 2, modify: 3, full: 4 };
const atLeast = (level: Effective, required: Level) => rank[level] >= rank[required];
const highest = (a: Effective, b: Effective): Effective => (rank[a] >= rank[b] ? a : b);

const anyRole: readonly Role[] = ["shared_computer", "viewer", "manager", "admin"];
const viewerUp: readonly Role[] = ["viewer", "manager", "admin"];
const managerUp: readonly Role[] = ["manager", "admin"];

/** SPEC §4's table (with SPEC §2's roles), under the action names the API answers. */
const actionTable = {
  view: { level: "view_no_download", roles: anyRole },
  comment: { level: "view_no_download", roles: anyRole },
  download: { level: "view", roles: anyRole },
  edit: { level: "modify", roles: managerUp },
  link: { level: "modify", roles: managerUp },
  upload_revision: { level: "modify", roles: managerUp },
  change_scope: { level: "modify", roles: managerUp },
  validate_revision: { level: "full", roles: managerUp },
  delete: { level: "full", roles: managerUp },
  manage_workflows: { level: "full", roles: managerUp },
  be_assigned: { level: "view", roles: viewerUp },
  sign: { level: "view", roles: viewerUp },
} as const satisfies Record<string, { level: Level; roles: readonly Role[] }>;
type Action = keyof typeof actionTable;

function allowedActions(role: Role, level: Effective): Action[] {
  return (Object.keys(actionTable) as Action[]).filter((action) => actionTable[action].roles.includes(role) && atLeast(level, actionTable[action].level)).sort();
}

const demoRuleNames = [
  ["Everyone — View — all objects", "view"],
  ["Admins — Full access — all objects", "full"],
  ["Managers — Modify — parts, products, projects, manufacturing orders, workflows", "modify"],
  ["Toulouse edits Toulouse documents", "modify"],
] as const;
const managerModifyTypes: readonly ObjectType[] = ["part", "product", "project", "manufacturing_order", "workflow"];

interface SiteTags {
  userProperty: string;
  userToulouse: string;
  documentProperty: string;
  documentToulouse: string;
  documentLyon: string;
}

interface Actor {
  email: string;
  session: Session;
  id: string;
  role: Role;
  siteIds: string[];
  properties: Record<string, unknown>;
}

interface ObjectBody {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
  ownerId: string;
  scope: { kind: "owner" | "sites" | "organization"; siteIds: string[] };
  properties: Record<string, unknown>;
  version: number;
  access?: { level: Effective; actions: Action[] };
}

/** SPEC §3: in scope as the owner, by organisation, or as a member of one of its sites; trashed objects for nobody. */
function inScope(user: Actor, object: ObjectBody): boolean {
  if (object.ownerId === user.id || object.scope.kind === "organization") return true;
  return object.scope.kind === "sites" && object.scope.siteIds.some((siteId) => user.siteIds.includes(siteId));
}

/** SPEC §4's effective access under the demo rules of SPEC §9 (the highest matching rule, none out of scope). */
function expectedLevel(user: Actor, object: ObjectBody, tags: SiteTags): Effective {
  if (!inScope(user, object)) return "none";
  let level: Effective = "view";
  if (user.role === "admin") level = highest(level, "full");
  if (user.role === "manager" && managerModifyTypes.includes(object.type)) level = highest(level, "modify");
  const toulouseUser = user.properties[tags.userProperty] === tags.userToulouse;
  if (object.type === "document" && toulouseUser && object.properties[tags.documentProperty] === tags.documentToulouse) level = highest(level, "modify");
  return level;
}

interface Answer {
  status: number;
  body: unknown;
}

async function answerOf(response: APIResponse): Promise<Answer> {
  const text = await response.text();
  return { status: response.status(), body: text ? (JSON.parse(text) as unknown) : null };
}

/** The error code of a refusal, for a readable failure. */
function codeOf(answer: Answer): string | undefined {
  return (answer.body as { error?: { code?: string } } | null)?.error?.code;
}

const codeOfStatus: Record<number, string> = { 403: "forbidden", 404: "not_found" };

function expectAnswer(answer: Answer, status: number, what: string): void {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(status);
  if (codeOfStatus[status]) expect(codeOf(answer), what).toBe(codeOfStatus[status]);
}

async function signIn(browser: Browser, baseURL: string, email: string): Promise<Actor> {
  const session = await signInSession(browser, baseURL, email);
  const me = await expectJson<{ id: string; role: Role; siteIds: string[]; properties: Record<string, unknown> }>(await session.request.get("/api/v1/me"), 200);
  return { email, session, ...me };
}

const stamp = Date.now();
let admin: Actor;
let manager: Actor;
let viewer: Actor;
let kiosk: Actor;
let actors: Actor[];
let tags: SiteTags;
let toulouseSiteId: string;
/** What the matrix runs on: one of each scope kind, documents with and without the Toulouse tag, a project for tasks. */
const fixtures: Record<string, ObjectBody> = {};
/** A part everyone can view: the other end of the links the matrix makes and removes. */
let linkTarget: ObjectBody;
/** Private parts: the manager's (out of scope for everyone else) and the admin's (out of scope for everyone else). */
let managerPrivate: ObjectBody;
let adminPrivate: ObjectBody;

async function create(actor: Actor, data: Record<string, unknown>): Promise<ObjectBody> {
  return expectJson<ObjectBody>(await actor.session.request.post("/api/v1/objects", { data: { ...data, title: `${String(data.title)} ${stamp}` } }), 201);
}

/** The object's current version, read by someone who can view it. */
async function versionOf(reader: Actor, object: ObjectBody): Promise<number> {
  return (await expectJson<ObjectBody>(await reader.session.request.get(`/api/v1/objects/${object.id}`), 200)).version;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = testInfo.project.use.baseURL!;
  [admin, manager, viewer, kiosk] = [
    await signIn(browser, baseURL, "admin@demo.test"),
    await signIn(browser, baseURL, "manager@demo.test"),
    await signIn(browser, baseURL, "viewer@demo.test"),
    await signIn(browser, baseURL, "kiosk@demo.test"),
  ];
  actors = [admin, manager, viewer, kiosk];
  expect(actors.map((actor) => actor.role)).toEqual(["admin", "manager", "viewer", "shared_computer"]);

  // The expectation assumes the demo rules of SPEC §9, exactly: no other rule grants anything in this run.
  const rules = await listAll<{ name: string; level: string; enabled: boolean }>(admin.session.request, "/api/v1/access-rules");
  expect(rules.filter((rule) => rule.enabled).map((rule) => [rule.name, rule.level])).toEqual(demoRuleNames.map(([name, level]) => [name, level]));

  const properties = await listAll<{ id: string; name: string; appliesTo: string; options?: { id: string; label: string }[] }>(
    admin.session.request,
    "/api/v1/properties",
  );
  const siteTag = (appliesTo: string) => properties.find((property) => property.appliesTo === appliesTo && property.name === "Site tag")!;
  const option = (property: (typeof properties)[number], label: string) => property.options!.find((candidate) => candidate.label === label)!.id;
  tags = {
    userProperty: siteTag("user").id,
    userToulouse: option(siteTag("user"), "Toulouse"),
    documentProperty: siteTag("document").id,
    documentToulouse: option(siteTag("document"), "Toulouse"),
    documentLyon: option(siteTag("document"), "Lyon"),
  };
  const sites = await listAll<{ id: string; name: string }>(admin.session.request, "/api/v1/sites");
  toulouseSiteId = sites.find((site) => site.name === "Toulouse")!.id;

  const organization = { kind: "organization" };
  fixtures.partOrganization = await create(admin, { type: "part", title: "E2E matrix part", scope: organization });
  fixtures.partToulouse = await create(admin, { type: "part", title: "E2E matrix Toulouse part", scope: { kind: "sites", siteIds: [toulouseSiteId] } });
  fixtures.documentLyon = await create(admin, {
    type: "document",
    title: "E2E matrix Lyon document",
    scope: organization,
    properties: { [tags.documentProperty]: tags.documentLyon },
  });
  fixtures.documentToulouse = await create(admin, {
    type: "document",
    title: "E2E matrix Toulouse document",
    scope: organization,
    properties: { [tags.documentProperty]: tags.documentToulouse },
  });
  fixtures.project = await create(admin, { type: "project", title: "E2E matrix project", scope: organization });
  linkTarget = await create(admin, { type: "part", title: "E2E matrix link target", scope: organization });
  managerPrivate = await create(manager, { type: "part", title: "E2E manager's private part", scope: { kind: "owner" } });
  adminPrivate = await create(admin, { type: "part", title: "E2E admin's private part", scope: { kind: "owner" } });
  fixtures.managerPrivate = managerPrivate;
  fixtures.adminPrivate = adminPrivate;
});

test.afterAll(async () => {
  if (!admin) return;
  // The manager's private part is out of the admin's scope: the manager shares it so the admin can trash it (Full).
  if (managerPrivate) {
    const version = await versionOf(manager, managerPrivate);
    await expectJson(await manager.session.request.put(`/api/v1/objects/${managerPrivate.id}/scope`, { data: { kind: "organization", version } }), 200);
  }
  for (const object of [...Object.values(fixtures), linkTarget]) {
    if (!object) continue;
    const response = await admin.session.request.delete(`/api/v1/objects/${object.id}`);
    // Already in the trash (the out-of-scope restore test leaves the admin's private part there): nothing to do.
    expect([200, 404], await response.text()).toContain(response.status());
  }
  for (const actor of actors ?? []) await actor.session.close();
});

function someoneElseThan(actor: Actor): string {
  return actor.id === admin.id ? manager.id : admin.id;
}

interface Operation {
  name: string;
  /** The SPEC §4 action the route needs on the object. */
  action: Action;
  status: number;
  applies?: (object: ObjectBody) => boolean;
  send: (actor: Actor, object: ObjectBody, version: number) => Promise<APIResponse>;
  /** Takes back a write that was allowed, so the next actor meets the same object. */
  undo?: (actor: Actor, object: ObjectBody, body: unknown) => Promise<void>;
}

const notDocument = (object: ObjectBody) => object.type !== "document";
/** The same scope again: the route runs its whole check, and nobody's access changes. */
const sameScope = (object: ObjectBody) => (object.scope.kind === "sites" ? { kind: "sites", siteIds: object.scope.siteIds } : { kind: object.scope.kind });

/** Each route of the object API, with the SPEC §4 action it needs: allowed → its success, visible → 403, else 404. */
const operations: Operation[] = [
  { name: "GET object", action: "view", status: 200, send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}`) },
  { name: "GET share", action: "view", status: 200, send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}/share`) },
  { name: "GET links", action: "view", status: 200, send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}/links`) },
  { name: "GET comments", action: "view", status: 200, send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}/comments`) },
  { name: "GET details", action: "view", status: 200, send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}/details`) },
  {
    name: "GET tasks",
    action: "view",
    status: 200,
    applies: (object) => object.type === "project",
    send: ({ session }, object) => session.request.get(`/api/v1/objects/${object.id}/tasks`),
  },
  {
    name: "POST comment",
    action: "comment",
    status: 201,
    send: ({ session, role }, object) => session.request.post(`/api/v1/objects/${object.id}/comments`, { data: { body: `E2E matrix comment by ${role}` } }),
  },
  {
    name: "PATCH object",
    action: "edit",
    status: 200,
    send: ({ session, role }, object, version) =>
      session.request.patch(`/api/v1/objects/${object.id}`, { data: { version, title: `${object.title} (edited as ${role})` } }),
  },
  {
    // Documents have no editable details (their revisions come next): any field is refused as not theirs.
    name: "PATCH details",
    action: "edit",
    status: 200,
    applies: notDocument,
    send: ({ session, role }, object, version) =>
      session.request.patch(`/api/v1/objects/${object.id}/details`, {
        data: object.type === "project" ? { version, dueDate: `2027-0${anyRole.indexOf(role) + 1}-15` } : { version, material: `E2E material (${role})` },
      }),
  },
  {
    name: "POST access-impact",
    action: "edit",
    status: 200,
    send: ({ session }, object) => session.request.post(`/api/v1/objects/${object.id}/access-impact`, { data: { scope: sameScope(object) } }),
  },
  {
    name: "POST task",
    action: "edit",
    status: 201,
    applies: (object) => object.type === "project",
    send: ({ session, role }, object) => session.request.post(`/api/v1/objects/${object.id}/tasks`, { data: { title: `E2E matrix task by ${role}` } }),
    undo: async ({ session }, _object, body) => {
      const task = body as { id: string; version: number };
      await expectJson(await session.request.delete(`/api/v1/project-tasks/${task.id}?version=${task.version}`), 200);
    },
  },
  {
    name: "POST link (as its source)",
    action: "link",
    status: 201,
    send: ({ session }, object) => session.request.post(`/api/v1/objects/${object.id}/links`, { data: { targetId: linkTarget.id, kind: "related" } }),
    undo: async ({ session }, object, body) => {
      const link = body as { id: string; version: number };
      await expectJson(await session.request.delete(`/api/v1/objects/${object.id}/links/${link.id}?version=${link.version}`), 200);
    },
  },
  {
    name: "PUT scope",
    action: "change_scope",
    status: 200,
    send: ({ session }, object, version) => session.request.put(`/api/v1/objects/${object.id}/scope`, { data: { ...sameScope(object), version } }),
  },
  {
    // Last: once allowed, the object is in the trash until the same user restores it (Full, Manager+, as deleting).
    name: "DELETE object",
    action: "delete",
    status: 200,
    send: ({ session }, object, version) => session.request.delete(`/api/v1/objects/${object.id}?version=${version}`),
    undo: async ({ session }, object) => {
      await expectJson(await session.request.get(`/api/v1/objects/${object.id}`), 404);
      await expectJson(await session.request.post(`/api/v1/objects/${object.id}/restore`, { data: {} }), 200);
    },
  },
];

test("Every role gets SPEC §4's answer for every action on objects it can modify, only view, or not see", async () => {
  test.setTimeout(420_000);
  // Each role meets at least one object of each kind: one it may modify, one it may only view, one outside its scope.
  const kinds = new Map<Role, Set<string>>();

  for (const actor of actors) {
    for (const [name, fixture] of Object.entries(fixtures)) {
      const what = `${actor.email} on ${name}`;
      const level = expectedLevel(actor, fixture, tags);
      const actions = allowedActions(actor.role, level);
      kinds.set(actor.role, new Set([...(kinds.get(actor.role) ?? []), level === "none" ? "unseen" : actions.includes("edit") ? "modifies" : "views"]));

      // The app's own answers agree with the table: the object's `access`, and the Share tab's checker.
      const read = await answerOf(await actor.session.request.get(`/api/v1/objects/${fixture.id}`));
      const explained = await answerOf(await actor.session.request.get(`/api/v1/objects/${fixture.id}/access`));
      if (level === "none") {
        expectAnswer(read, 404, `${what}: GET object`);
        expectAnswer(explained, 404, `${what}: GET access`);
      } else {
        expectAnswer(read, 200, `${what}: GET object`);
        const access = (read.body as ObjectBody).access!;
        expect(access.level, `${what}: access.level`).toBe(level);
        expect([...access.actions].sort(), `${what}: access.actions`).toEqual(actions);
        expectAnswer(explained, 200, `${what}: GET access`);
        const verdicts = explained.body as { level: Effective; actions: Record<Action, { allowed: boolean }> };
        expect(verdicts.level, `${what}: …/access level`).toBe(level);
        const allowed = (Object.keys(verdicts.actions) as Action[]).filter((action) => verdicts.actions[action].allowed).sort();
        expect(allowed, `${what}: …/access actions`).toEqual(actions);
      }

      for (const operation of operations) {
        if (operation.applies && !operation.applies(fixture)) continue;
        const version = level === "none" ? 1 : await versionOf(actor, fixture);
        const answer = await answerOf(await operation.send(actor, fixture, version));
        const expected = actions.includes(operation.action) ? operation.status : level === "none" ? 404 : 403;
        expectAnswer(answer, expected, `${what}: ${operation.name}`);
        if (expected === operation.status && operation.undo) await operation.undo(actor, fixture, answer.body);
      }

      // Linking another object to this one: link access on that source, then view on this target.
      const incoming = await answerOf(
        await actor.session.request.post(`/api/v1/objects/${linkTarget.id}/links`, { data: { targetId: fixture.id, kind: "related" } }),
      );
      const linksFromTarget = allowedActions(actor.role, expectedLevel(actor, linkTarget, tags)).includes("link");
      const incomingStatus = !linksFromTarget ? 403 : level === "none" ? 404 : 201;
      expectAnswer(incoming, incomingStatus, `${what}: POST link (as its target)`);
      if (incomingStatus === 201) {
        const link = incoming.body as { id: string; version: number };
        await expectJson(await actor.session.request.delete(`/api/v1/objects/${linkTarget.id}/links/${link.id}?version=${link.version}`), 200);
      }

      // Someone else's access (the Share tab's checker): Manager+ (SPEC §9), on an object the caller can view.
      const othersAccess = await answerOf(await actor.session.request.get(`/api/v1/objects/${fixture.id}/access?userId=${someoneElseThan(actor)}`));
      expectAnswer(othersAccess, level === "none" ? 404 : managerUp.includes(actor.role) ? 200 : 403, `${what}: GET access of another user`);
    }
  }

  expect([...kinds.get("admin")!].sort()).toEqual(["modifies", "unseen"]);
  for (const role of ["manager"] as const) expect([...kinds.get(role)!].sort()).toEqual(["modifies", "unseen", "views"]);
  for (const role of ["viewer", "shared_computer"] as const) expect([...kinds.get(role)!].sort()).toEqual(["unseen", "views"]);
});

test("Restoring from the trash takes Full access and a Manager+ role; a trashed object is unseen by everyone", async () => {
  test.setTimeout(120_000);
  for (const fixture of [fixtures.partOrganization!, fixtures.documentToulouse!]) {
    const liveLevels = new Map(actors.map((actor) => [actor, expectedLevel(actor, fixture, tags)]));
    await expectJson(await admin.session.request.delete(`/api/v1/objects/${fixture.id}?version=${await versionOf(admin, fixture)}`), 200);
    // The admin restores last: the others first meet it in the trash.
    for (const actor of [manager, viewer, kiosk, admin]) {
      const what = `${actor.email} on trashed ${fixture.reference}`;
      expectAnswer(await answerOf(await actor.session.request.get(`/api/v1/objects/${fixture.id}`)), 404, `${what}: GET object`);
      const trash = managerUp.includes(actor.role) ? await listAll<{ id: string }>(actor.session.request, "/api/v1/trash") : [];
      const full = allowedActions(actor.role, liveLevels.get(actor)!).includes("delete");
      expect(trash.some((item) => item.id === fixture.id), `${what}: in their trash`).toBe(full);
      const restored = await answerOf(await actor.session.request.post(`/api/v1/objects/${fixture.id}/restore`, { data: {} }));
      expectAnswer(restored, !managerUp.includes(actor.role) ? 403 : full ? 200 : 404, `${what}: POST restore`);
    }
    expect((await expectJson<ObjectBody>(await viewer.session.request.get(`/api/v1/objects/${fixture.id}`), 200)).id).toBe(fixture.id);
  }
});

/** Every route that names an object, sent for one id: an unseen object must get exactly what an unknown id gets. */
function namingRequests(actor: Actor, id: string): [string, () => Promise<APIResponse>][] {
  const { request } = actor.session;
  return [
    ["GET object", () => request.get(`/api/v1/objects/${id}`)],
    ["PATCH object", () => request.patch(`/api/v1/objects/${id}`, { data: { version: 1, title: "Unseen" } })],
    ["DELETE object", () => request.delete(`/api/v1/objects/${id}`)],
    ["PUT scope", () => request.put(`/api/v1/objects/${id}/scope`, { data: { kind: "organization" } })],
    ["GET share", () => request.get(`/api/v1/objects/${id}/share`)],
    ["GET access", () => request.get(`/api/v1/objects/${id}/access`)],
    ["GET access of another user", () => request.get(`/api/v1/objects/${id}/access?userId=${someoneElseThan(actor)}`)],
    ["POST access-impact", () => request.post(`/api/v1/objects/${id}/access-impact`, { data: { scope: { kind: "organization" } } })],
    ["GET links", () => request.get(`/api/v1/objects/${id}/links`)],
    ["POST link (as its source)", () => request.post(`/api/v1/objects/${id}/links`, { data: { targetId: linkTarget.id, kind: "related" } })],
    ["POST link (as its target)", () => request.post(`/api/v1/objects/${linkTarget.id}/links`, { data: { targetId: id, kind: "related" } })],
    ["GET comments", () => request.get(`/api/v1/objects/${id}/comments`)],
    ["POST comment", () => request.post(`/api/v1/objects/${id}/comments`, { data: { body: "Unseen" } })],
    ["GET details", () => request.get(`/api/v1/objects/${id}/details`)],
    ["PATCH details", () => request.patch(`/api/v1/objects/${id}/details`, { data: { version: 1, material: "Unseen" } })],
    ["GET tasks", () => request.get(`/api/v1/objects/${id}/tasks`)],
    ["POST task", () => request.post(`/api/v1/objects/${id}/tasks`, { data: { title: "Unseen" } })],
    ["POST restore", () => request.post(`/api/v1/objects/${id}/restore`, { data: {} })],
  ];
}

/**
 * 404 everywhere, except where the route refuses the role before it looks at any object (restoring is Manager+) and
 * where the refusal is about another object the caller sees (linking from an object they may not link).
 */
function unseenStatus(actor: Actor, request: string): number {
  if (request === "POST restore" && !managerUp.includes(actor.role)) return 403;
  if (request === "POST link (as its target)" && !allowedActions(actor.role, expectedLevel(actor, linkTarget, tags)).includes("link")) return 403;
  return 404;
}

async function expectSameAsUnknown(actor: Actor, unseen: ObjectBody, what: string): Promise<void> {
  const unknownId = randomUUID();
  const unknown = new Map(namingRequests(actor, unknownId));
  for (const [name, send] of namingRequests(actor, unseen.id)) {
    const answer = await answerOf(await send());
    const control = await answerOf(await unknown.get(name)!());
    expectAnswer(answer, unseenStatus(actor, name), `${actor.email} on ${what}: ${name}`);
    expect(answer, `${actor.email} on ${what}: ${name} answers as for an unknown id`).toEqual(control);
  }
}

test("An object outside the caller's scope is 404 like an unknown id, and absent from lists, search, counts, links and feeds", async () => {
  test.setTimeout(300_000);
  const parent = fixtures.partOrganization!;
  // The private parts hang under a part everyone sees: each owner links theirs (a BOM line, a related part).
  await expectJson(
    await manager.session.request.post(`/api/v1/objects/${parent.id}/links`, { data: { targetId: managerPrivate.id, kind: "bom", quantity: 2 } }),
    201,
  );
  await expectJson(await admin.session.request.post(`/api/v1/objects/${parent.id}/links`, { data: { targetId: adminPrivate.id, kind: "related" } }), 201);
  await expectJson(await manager.session.request.post(`/api/v1/objects/${managerPrivate.id}/comments`, { data: { body: "E2E private note" } }), 201);

  const cases = [
    { actor: admin, unseen: [managerPrivate] },
    { actor: manager, unseen: [adminPrivate] },
    { actor: viewer, unseen: [managerPrivate, adminPrivate, fixtures.partToulouse!] },
    { actor: kiosk, unseen: [managerPrivate, adminPrivate] },
  ];
  for (const { actor, unseen } of cases) {
    const { request } = actor.session;
    for (const object of unseen) {
      const what = `${object.reference} (${object.title})`;
      expect(expectedLevel(actor, object, tags), `${actor.email} is out of the scope of ${what}`).toBe("none");
      await expectSameAsUnknown(actor, object, what);

      // Search and counts: by its reference, which finds exactly it for someone who can see it.
      const q = encodeURIComponent(object.reference);
      const found = await expectJson<{ items: ObjectBody[] }>(await request.get(`/api/v1/objects?q=${q}`), 200);
      expect(found.items.map((item) => item.id), `${actor.email}: search for ${what}`).toEqual([]);
      const typed = await expectJson<{ items: ObjectBody[] }>(await request.get(`/api/v1/objects?type=${object.type}&q=${q}`), 200);
      expect(typed.items.map((item) => item.id), `${actor.email}: ${object.type} list searched for ${what}`).toEqual([]);
      expect((await expectJson<{ count: number }>(await request.get(`/api/v1/objects/count?q=${q}`), 200)).count, `${actor.email}: count of ${what}`).toBe(0);
      const exact = await expectJson<{ count: number }>(await request.get(`/api/v1/objects/count?q=${q}&exact=true`), 200);
      expect(exact.count, `${actor.email}: exact count of ${what}`).toBe(0);
      // Another object's links and feed name it nowhere.
      const links = await listAll<{ object: { id: string } }>(request, `/api/v1/objects/${parent.id}/links`);
      expect(links.map((link) => link.object.id), `${actor.email}: links of ${parent.reference}`).not.toContain(object.id);
      const feed = JSON.stringify(await listAll<unknown>(request, `/api/v1/objects/${parent.id}/comments`));
      expect(feed.includes(object.id) || feed.includes(object.reference), `${actor.email}: feed of ${parent.reference} names ${what}`).toBe(false);
    }
  }

  // Those who can see them find them the same ways: the queries above would have found them.
  for (const [owner, object] of [
    [manager, managerPrivate],
    [admin, adminPrivate],
    [kiosk, fixtures.partToulouse!],
  ] as const) {
    const q = encodeURIComponent(object.reference);
    const found = await expectJson<{ items: ObjectBody[] }>(await owner.session.request.get(`/api/v1/objects?q=${q}`), 200);
    expect(found.items.map((item) => item.id)).toEqual([object.id]);
    expect((await expectJson<{ count: number }>(await owner.session.request.get(`/api/v1/objects/count?q=${q}&exact=true`), 200)).count).toBe(1);
    const links = await listAll<{ object: { id: string } }>(owner.session.request, `/api/v1/objects/${parent.id}/links`);
    if (object !== fixtures.partToulouse) expect(links.map((link) => link.object.id)).toContain(object.id);
  }

  // In the trash, still nobody else's: the admin trashes their private part, and the others cannot restore it.
  await expectJson(await admin.session.request.delete(`/api/v1/objects/${adminPrivate.id}`), 200);
  for (const actor of [manager, viewer, kiosk]) await expectSameAsUnknown(actor, adminPrivate, `trashed ${adminPrivate.reference}`);
});
