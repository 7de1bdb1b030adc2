import { randomUUID } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { openUsageSession } from "@/lib/auth/usage-sessions";
import { openApiDocument } from "@/lib/openapi/build-openapi-document";
import { apiRouteModules, type HttpMethod } from "@/lib/openapi/route-modules";
import { authSecret } from "@/lib/secrets/auth-secret";
import { ObjectsWorld } from "./objects-world";

// Every endpoint answers as documented: real answers of the real route handlers — successes and refusals, called
// with a session cookie as an Admin, a Manager and a Viewer of Lyon (the demo's roles) — are validated against the
// schema openapi.json gives for their path, method and status. An answer with an undocumented status, or a body
// its schema refuses (a missing, mistyped or undocumented field), fails.

const base = "http://atelier.test";
const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(document, "openapi.json");

/** A JSON pointer into the document, as a URI fragment. */
const pointer = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/");

// Literal segments win over parameters, as in Next's router (/access-rules/preview is not /access-rules/{id}).
const templates = Object.keys(apiRouteModules).sort((a, b) => a.split("{").length - b.split("{").length);

function templateOf(path: string): { template: string; params: Record<string, string> } {
  for (const template of templates) {
    const names: string[] = [];
    const pattern = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), "([^/]+)")).replaceAll(".", "\\.")}$`);
    const match = pattern.exec(path);
    if (match) return { template, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])) };
  }
  throw new Error(`no route for ${path}`);
}

interface Answer {
  status: number;
  body: unknown;
}

/** Which operations and statuses the test saw answered as documented. */
const checked = new Set<string>();

async function validated(method: HttpMethod, url: string, response: Response): Promise<Answer> {
  const { template } = templateOf(new URL(url, base).pathname);
  const status = String(response.status);
  const documented = document.paths[template]?.[method.toLowerCase() as Lowercase<HttpMethod>]?.responses as
    | Record<string, { content?: Record<string, unknown> }>
    | undefined;
  const mediaType = response.headers.get("content-type")?.split(";")[0]?.trim() ?? "";
  if (mediaType !== "application/json") {
    // A file or a CSV: its status and media type are the document's (a download keeps its file's own type).
    const documentedTypes = Object.keys(documented?.[status]?.content ?? {});
    expect(documentedTypes, `${method} ${template} answered ${status} as ${mediaType}`).toContainEqual(expect.stringMatching(new RegExp(`^(${mediaType}|application/octet-stream)$`)));
    checked.add(`${method} ${template} ${status}`);
    return { status: response.status, body: await response.text() };
  }
  const body: unknown = await response.json();
  expect(documented?.[status], `${method} ${template} answered ${status}, which the document does not list: ${JSON.stringify(body)}`).toBeDefined();
  const validate = ajv.getSchema(`openapi.json#/${pointer("paths", template, method.toLowerCase(), "responses", status, "content", "application/json", "schema")}`);
  expect(validate, `${method} ${template} ${status} has no JSON schema`).toBeDefined();
  if (!validate!(body)) expect.fail(`${method} ${template} ${status}: ${ajv.errorsText(validate!.errors)} in ${JSON.stringify(body).slice(0, 600)}`);
  checked.add(`${method} ${template} ${status}`);
  return { status: response.status, body };
}

type Caller = { cookie: string } | { bearer: string } | null;

async function call(caller: Caller, method: HttpMethod, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const { template, params } = templateOf(new URL(url, base).pathname);
  const handler = apiRouteModules[template]![method];
  if (!handler) throw new Error(`${method} ${template} is no route`);
  const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`${base}${url}`, {
    method,
    headers: {
      ...(caller && "cookie" in caller ? { cookie: caller.cookie } : {}),
      ...(caller && "bearer" in caller ? { authorization: `Bearer ${caller.bearer}` } : {}),
      "sec-fetch-site": "same-origin",
      // As a browser or an HTTP client sends them: the gate reads the declared length and type before the body.
      ...(text === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) }),
      ...headers,
    },
    body: text,
  });
  return validated(method, url, await handler(request, { params: Promise.resolve(params) }));
}

/** The session cookie of a signed-in user, as the sign-in sets it. */
async function signIn(db: Database, user: ActingUser): Promise<{ cookie: string }> {
  const sid = await openUsageSession(db, { organizationId: user.organizationId, userId: user.id, method: "password", clientAddress: null, userAgent: null });
  const token = await encode({ token: { sub: user.id, sid }, secret: authSecret(), salt: "authjs.session-token" });
  return { cookie: `authjs.session-token=${token}` };
}

const data = <T = Record<string, unknown>>(answer: Answer, status = 200): T => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body as T;
};

describe("every endpoint answers as openapi.json documents it", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("validates the answers of a broad sample of calls, successes and refusals", async () => {
    const world = await ObjectsWorld.create(db, {
      sites: ["Lyon", "Toulouse"],
      rules: [
        { name: "Everyone views", level: "view", users: { all: true }, objects: {} },
        { name: "Managers hold everything", level: "full", users: { roles: ["manager", "admin"] }, objects: {} },
      ],
    });
    const adminUser = await world.actor({ role: "admin", sites: ["Lyon"], name: "Ada Admin" });
    const managerUser = await world.actor({ role: "manager", sites: ["Lyon"], name: "Max Manager" });
    const viewerUser = await world.actor({ role: "viewer", sites: ["Lyon"], name: "Vic Viewer" });
    const [admin, manager, viewer] = [await signIn(db, adminUser), await signIn(db, managerUser), await signIn(db, viewerUser)];

    // The caller, the description itself, and the organisation's setup (Admin writes).
    data(await call(viewer, "GET", "/api/v1/me"));
    data(await call(viewer, "GET", "/api/v1/openapi.json"));
    const preferences = data<{ version: number }>(await call(viewer, "GET", "/api/v1/me/notification-preferences"));
    data(await call(viewer, "PUT", "/api/v1/me/notification-preferences", { email: "daily_digest", version: preferences.version }));
    data(await call(viewer, "GET", "/api/v1/notifications?unread=true"));
    data(await call(viewer, "POST", "/api/v1/notifications/read", { all: true }));
    const site = data<{ id: string; version: number }>(await call(admin, "POST", "/api/v1/sites", { name: "Montréal" }), 201);
    data(await call(admin, "PATCH", `/api/v1/sites/${site.id}`, { name: "Montréal Nord", version: site.version }));
    data(await call(viewer, "GET", "/api/v1/sites?limit=1"));
    const team = data<{ id: string; version: number }>(await call(admin, "POST", "/api/v1/teams", { name: "Design", userIds: [managerUser.id] }), 201);
    const renamed = data<{ version: number }>(await call(admin, "PATCH", `/api/v1/teams/${team.id}`, { name: "Design office", version: team.version }));
    data(await call(viewer, "GET", "/api/v1/teams"));
    data(await call(admin, "DELETE", `/api/v1/teams/${team.id}?version=${renamed.version}`));
    const property = data<{ id: string; version: number }>(
      await call(admin, "POST", "/api/v1/properties", { name: "Finish", appliesTo: "part", type: "single_choice", options: [{ label: "Matte" }, { label: "Gloss" }] }),
      201,
    );
    data(await call(admin, "PATCH", `/api/v1/properties/${property.id}`, { name: "Surface finish", version: property.version }));
    data(await call(viewer, "GET", "/api/v1/properties?appliesTo=part"));
    data(await call(viewer, "GET", `/api/v1/properties/${property.id}`));
    const scratch = data<{ id: string; version: number }>(await call(admin, "POST", "/api/v1/properties", { name: "Scratch", appliesTo: "user", type: "text" }), 201);
    data(await call(admin, "DELETE", `/api/v1/properties/${scratch.id}?version=${scratch.version}`));
    const view = data<{ id: string; version: number }>(
      await call(manager, "POST", "/api/v1/views", { name: "My parts", objectType: "part", columns: ["reference", "title"] }),
      201,
    );
    data(await call(manager, "GET", "/api/v1/views"));
    data(await call(manager, "GET", `/api/v1/views/${view.id}`));
    const viewEdited = data<{ version: number }>(await call(manager, "PATCH", `/api/v1/views/${view.id}`, { name: "Parts", version: view.version }));
    data(await call(manager, "DELETE", `/api/v1/views/${view.id}?version=${viewEdited.version}`));
    const templates = data<{ items: { id: string; objectType: string; version: number }[] }>(await call(viewer, "GET", "/api/v1/templates?objectType=part"));
    const partTemplate = templates.items[0]!;
    data(await call(viewer, "GET", `/api/v1/templates/${partTemplate.id}`));
    data(await call(admin, "PATCH", `/api/v1/templates/${partTemplate.id}`, { name: "Standard part", version: partTemplate.version }));

    const watermark = data<{ id: string; version: number }>(await call(admin, "POST", "/api/v1/watermarks", { name: "Confidential", text: "CONFIDENTIAL" }), 201);
    data(await call(admin, "GET", "/api/v1/watermarks"));
    const watermarkOff = data<{ version: number }>(await call(admin, "PATCH", `/api/v1/watermarks/${watermark.id}`, { enabled: false, version: watermark.version }));
    data(await call(admin, "DELETE", `/api/v1/watermarks/${watermark.id}?version=${watermarkOff.version}`));

    // Users (Admin).
    data(await call(viewer, "GET", "/api/v1/users?limit=2"));
    const hired = data<{ id: string; version: number }>(
      await call(admin, "POST", "/api/v1/users", {
        email: `new-hire-${randomUUID()}@example.test`,
        name: "New Hire",
        role: "viewer",
        signInMethod: "sso",
        siteIds: [world.site("Lyon")],
      }),
      201,
    );
    data(await call(viewer, "GET", `/api/v1/users/${hired.id}`));
    const hiredEdited = data<{ version: number }>(await call(admin, "PATCH", `/api/v1/users/${hired.id}`, { name: "Newly Hired", version: hired.version }));
    data(await call(admin, "POST", `/api/v1/users/${hired.id}/deactivate`, { version: hiredEdited.version }));
    data(await call(manager, "GET", `/api/v1/people/${viewerUser.id}`));

    // Access rules (Admin), and a change's impact before it is made.
    const rule = data<{ id: string; version: number }>(
      await call(admin, "POST", "/api/v1/access-rules", { name: "Toulouse modifies parts", level: "modify", users: { siteIds: [world.site("Toulouse")] }, objects: { types: ["part"] } }),
      201,
    );
    data(await call(admin, "GET", "/api/v1/access-rules"));
    data(await call(admin, "GET", `/api/v1/access-rules/${rule.id}`));
    const ruleEdited = data<{ version: number }>(await call(admin, "PATCH", `/api/v1/access-rules/${rule.id}`, { enabled: false, version: rule.version }));
    data(await call(admin, "POST", "/api/v1/access-rules/preview", { kind: "enable", id: rule.id }));
    data(await call(admin, "DELETE", `/api/v1/access-rules/${rule.id}?version=${ruleEdited.version}`));

    // Objects (Manager), what hangs off them, and the trash.
    const part = data<{ id: string; version: number }>(await call(manager, "POST", "/api/v1/objects", { type: "part", title: "Bracket" }), 201);
    const product = data<{ id: string }>(await call(manager, "POST", "/api/v1/objects", { type: "product", title: "Drone" }), 201);
    const project = data<{ id: string }>(await call(manager, "POST", "/api/v1/objects", { type: "project", title: "Prototype run" }), 201);
    data(await call(viewer, "GET", "/api/v1/objects?type=part&limit=5"));
    data(await call(viewer, "GET", "/api/v1/objects/count"));
    data(await call(viewer, "GET", `/api/v1/objects/${part.id}`));
    const partEdited = data<{ version: number }>(await call(manager, "PATCH", `/api/v1/objects/${part.id}`, { title: "Bracket, left", version: part.version }));
    data(await call(manager, "POST", `/api/v1/objects/${part.id}/access-impact`, { scope: { kind: "owner" } }));
    const scoped = data<{ version: number }>(await call(manager, "PUT", `/api/v1/objects/${part.id}/scope`, { kind: "organization", version: partEdited.version }));
    data(await call(viewer, "GET", `/api/v1/objects/${part.id}/share`));
    data(await call(manager, "GET", `/api/v1/objects/${part.id}/access?userId=${viewerUser.id}`));
    const details = data<{ version: number }>(await call(viewer, "GET", `/api/v1/objects/${part.id}/details`));
    data(await call(manager, "PATCH", `/api/v1/objects/${part.id}/details`, { material: "Aluminium", version: details.version }));
    data(await call(viewer, "GET", `/api/v1/objects/${project.id}/details`));
    const comment = data<{ id: string; version: number }>(await call(viewer, "POST", `/api/v1/objects/${part.id}/comments`, { body: "Looks right" }), 201);
    const commentEdited = data<{ version: number }>(
      await call(viewer, "PATCH", `/api/v1/objects/${part.id}/comments/${comment.id}`, { body: "Looks right to me", version: comment.version }),
    );
    data(await call(viewer, "GET", `/api/v1/objects/${part.id}/comments`));
    data(await call(viewer, "DELETE", `/api/v1/objects/${part.id}/comments/${comment.id}?version=${commentEdited.version}`));
    const link = data<{ id: string; version: number }>(
      await call(manager, "POST", `/api/v1/objects/${product.id}/links`, { targetId: part.id, kind: "product_part", quantity: 4 }),
      201,
    );
    const relinked = data<{ version: number }>(await call(manager, "PATCH", `/api/v1/objects/${product.id}/links/${link.id}`, { quantity: 6, version: link.version }));
    data(await call(viewer, "GET", `/api/v1/objects/${part.id}/links`));
    data(await call(manager, "DELETE", `/api/v1/objects/${product.id}/links/${link.id}?version=${relinked.version}`));
    const task = data<{ id: string; version: number }>(
      await call(manager, "POST", `/api/v1/objects/${project.id}/tasks`, { title: "Order samples", assigneeId: managerUser.id, dueDate: "2026-12-24" }),
      201,
    );
    const taskDone = data<{ version: number }>(await call(manager, "PATCH", `/api/v1/project-tasks/${task.id}`, { done: true, version: task.version }));
    data(await call(viewer, "GET", `/api/v1/objects/${project.id}/tasks`));
    data(await call(manager, "DELETE", `/api/v1/project-tasks/${task.id}?version=${taskDone.version}`));
    const current = data<{ version: number }>(await call(manager, "GET", `/api/v1/objects/${part.id}`));
    expect(current.version).toBeGreaterThan(scoped.version);
    const trashed = data(await call(manager, "DELETE", `/api/v1/objects/${part.id}?version=${current.version}`));
    expect(trashed).toMatchObject({ id: part.id });
    data(await call(manager, "GET", "/api/v1/trash"));
    data(await call(manager, "POST", `/api/v1/objects/${part.id}/restore`, {}));

    // Integrations (Admin): a token calls as its service account, and every call is in the log; others find nothing.
    const integration = data<{ id: string; issuedToken: { token: string } }>(
      await call(admin, "POST", "/api/v1/integrations", { name: "ERP", role: "viewer", siteIds: [world.site("Lyon")] }),
      201,
    );
    data(await call(admin, "GET", "/api/v1/integrations"));
    const integrationRead = data<{ version: number }>(await call(admin, "GET", `/api/v1/integrations/${integration.id}`));
    data(await call(admin, "PATCH", `/api/v1/integrations/${integration.id}`, { name: "ERP connector", version: integrationRead.version }));
    const nightly = data<{ id: string }>(await call(admin, "POST", `/api/v1/integrations/${integration.id}/tokens`, { name: "nightly" }), 201);
    const rotated = data<{ id: string }>(await call(admin, "POST", `/api/v1/integration-tokens/${nightly.id}/rotate`, {}), 201);
    data(await call(admin, "POST", `/api/v1/integration-tokens/${rotated.id}/revoke`, {}));
    data(await call({ bearer: integration.issuedToken.token }, "GET", "/api/v1/objects?limit=2"));
    expect((await call({ bearer: integration.issuedToken.token }, "POST", "/api/v1/objects", { type: "part", title: "Not for a viewer" })).status).toBe(403);
    expect((await call({ bearer: "not-a-token" }, "GET", "/api/v1/me")).status).toBe(401);
    data(await call(admin, "GET", `/api/v1/integration-log?integrationId=${integration.id}`));
    data(await call(admin, "GET", "/api/v1/audit-log?limit=5"));
    expect((await call(manager, "GET", "/api/v1/integrations")).status).toBe(404);

    // Workflows and their tasks (Manager).
    const workflow = data<{ id: string }>(await call(manager, "POST", "/api/v1/workflows", { title: "Change the bracket", kind: "ECO", subjectIds: [product.id] }), 201);
    data(await call(viewer, "GET", "/api/v1/workflows?kind=ECO"));
    const workflowTask = data<{ id: string }>(
      await call(manager, "POST", `/api/v1/workflows/${workflow.id}/tasks`, { title: "Check the drawing", assigneeId: managerUser.id }),
      201,
    );
    const beforeStart = data<{ version: number; tasks: { id: string; version: number }[] }>(await call(manager, "GET", `/api/v1/workflows/${workflow.id}`));
    data(await call(manager, "POST", `/api/v1/workflows/${workflow.id}/start`, { version: beforeStart.version }));
    const started = data<{ tasks: { id: string; version: number }[] }>(await call(manager, "GET", `/api/v1/workflows/${workflow.id}`));
    const openTask = started.tasks.find((entry) => entry.id === workflowTask.id)!;
    data(await call(manager, "POST", `/api/v1/tasks/${openTask.id}/complete`, { version: openTask.version }));
    const draftWorkflow = data<{ id: string; version: number }>(await call(manager, "POST", "/api/v1/workflows", { title: "New product idea", kind: "NPD" }), 201);
    const renamedWorkflow = data<{ version: number }>(
      await call(manager, "PATCH", `/api/v1/workflows/${draftWorkflow.id}`, { kind: "ECR", version: draftWorkflow.version }),
    );
    data(await call(manager, "POST", `/api/v1/workflows/${draftWorkflow.id}/cancel`, { version: renamedWorkflow.version }));

    // A document's revisions (Manager).
    const document = data<{ id: string }>(await call(manager, "POST", "/api/v1/objects", { type: "document", title: "Bracket drawing" }), 201);
    expect([201, 409]).toContain((await call(manager, "POST", `/api/v1/objects/${document.id}/revisions`, { note: "First issue" })).status);
    const revisions = data<{ items: { id: string; status: string; version: number }[] }>(await call(viewer, "GET", `/api/v1/objects/${document.id}/revisions`));
    const draft = revisions.items.find((revision) => revision.status === "draft")!;
    data(await call(viewer, "GET", `/api/v1/objects/${document.id}/revisions/${draft.id}`));
    data(await call(viewer, "GET", `/api/v1/objects/${document.id}/revisions/${draft.id}/files`));
    const noted = data<{ version: number }>(await call(manager, "PATCH", `/api/v1/objects/${document.id}/revisions/${draft.id}`, { note: "First issue, checked", version: draft.version }));
    data(await call(manager, "POST", `/api/v1/objects/${document.id}/revisions/${draft.id}/validate`, { version: noted.version }));

    // The analytics dashboard (Managers and Admins; the page does not exist for a Viewer).
    data(await call(manager, "GET", "/api/v1/analytics"));
    expect((await call(manager, "GET", "/api/v1/analytics/export?chart=documents")).body).toEqual(expect.any(String));
    expect((await call(admin, "GET", "/api/v1/exports/users")).body).toContain(adminUser.email);
    expect((await call(manager, "GET", "/api/v1/exports/users")).status).toBe(404);
    expect((await call(viewer, "GET", "/api/v1/analytics")).status).toBe(404);

    // Refusals: each in the error body of API.md, with a status the document lists for the operation.
    expect((await call(null, "GET", "/api/v1/objects")).status).toBe(401);
    expect((await call(viewer, "POST", "/api/v1/sites", { name: "Nantes" })).status).toBe(403);
    expect((await call(viewer, "POST", "/api/v1/objects", { type: "part", title: "Not mine to make" })).status).toBe(403);
    expect((await call(manager, "GET", "/api/v1/access-rules")).status).toBe(403);
    expect((await call(viewer, "GET", `/api/v1/objects/${randomUUID()}`)).status).toBe(404);
    expect((await call(viewer, "GET", `/api/v1/users/${randomUUID()}`)).status).toBe(404);
    expect((await call(manager, "PATCH", `/api/v1/objects/${product.id}`, { title: "Stale", version: 999 })).status).toBe(409);
    expect((await call(manager, "PATCH", `/api/v1/objects/${product.id}`, { title: "No version" })).status).toBe(422);
    expect((await call(viewer, "GET", "/api/v1/objects?colour=blue")).status).toBe(422);
    expect((await call(admin, "POST", "/api/v1/teams", { name: "Quality", leader: "nobody" })).status).toBe(422);
    expect((await call(admin, "POST", "/api/v1/teams", "name=Quality", { "content-type": "text/plain" })).status).toBe(415);
    expect((await call(admin, "POST", "/api/v1/teams", { name: "Quality" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await call(viewer, "GET", "/api/v1/trash")).status).toBe(403);

    const statuses = [...checked].map((entry) => entry.split(" ").at(-1));
    expect(new Set(statuses)).toEqual(new Set(["200", "201", "401", "403", "404", "409", "415", "422"]));
    expect(new Set([...checked].map((entry) => entry.split(" ").slice(0, 2).join(" "))).size).toBeGreaterThanOrEqual(50);
  });

  it("refuses an answer that strays from the document", () => {
    const schema = ajv.getSchema(`openapi.json#/${pointer("paths", "/api/v1/me", "get", "responses", "200", "content", "application/json", "schema")}`)!;
    const me = { id: "u", email: "a@b.test", name: "A", role: "viewer", signInMethod: "password", siteIds: [], properties: {}, active: true };
    expect(schema(me)).toBe(true);
    expect(schema({ ...me, role: "owner" })).toBe(false);
    expect(schema({ ...me, passwordHash: "x" })).toBe(false);
    const { active, ...withoutActive } = me;
    expect(active).toBe(true);
    expect(schema(withoutActive)).toBe(false);
  });
});
