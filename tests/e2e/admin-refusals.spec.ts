import { expect, test, type APIResponse } from "@playwright/test";
import { signInAsDemoUser } from "./sign-in";
import { adminFingerprint, expectJson, listAll, signInSession, type Session } from "./support/api-session";

// SPEC §2: the admin panel is the Admin role's only. For a Manager it does not exist — every /admin page is the 404
// page and the header has no Admin link — and every admin write of /api/v1 is refused with `{ error: { code } }`,
// changing nothing. Every refused request carries a valid body built from what an Admin reads, so the refusal is
// about the role, never the input. Its targets are throwaway rows the Admin makes first (and removes afterwards), so
// a wrongly accepted write can never damage the demo data the other specs use.

const adminPages = [
  "/admin",
  "/admin/users",
  "/admin/users/new",
  "/admin/sites",
  "/admin/properties",
  "/admin/properties/new",
  "/admin/teams",
  "/admin/templates",
  "/admin/views",
  "/admin/views/new",
  "/admin/access-rules",
  "/admin/access-rules/new",
];

interface Identified {
  id: string;
  version: number;
}
interface UserBody extends Identified {
  email: string;
  role: string;
}
interface SiteBody extends Identified {
  name: string;
  userIds: string[];
}
interface NamedBody extends Identified {
  name: string;
}
interface TemplateBody extends NamedBody {
  objectType: string;
}
interface RuleBody extends NamedBody {
  level: string;
}
interface ErrorBody {
  error: { code: string; message: string };
}

test("As manager@demo.test, /admin and every /api/v1 admin write answer 404/403 and change nothing", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();

  // An Admin in a context of their own: throwaway targets for the Manager's writes.
  const admin: Session = await signInSession(browser, baseURL!, "admin@demo.test");
  const made: { user?: UserBody; site?: SiteBody; property?: NamedBody; team?: NamedBody; view?: NamedBody; rule?: RuleBody } = {};
  try {
    made.site = await expectJson<SiteBody>(await admin.request.post("/api/v1/sites", { data: { name: `Refusal target site ${stamp}` } }), 201);
    made.user = await expectJson<UserBody>(
      await admin.request.post("/api/v1/users", {
        data: {
          email: `refusal-target-${stamp}@demo.test`,
          name: `Refusal target ${stamp}`,
          role: "viewer",
          signInMethod: "password",
          password: `Refusal target passphrase ${stamp}`,
          siteIds: [made.site.id],
          properties: {},
        },
      }),
      201,
    );
    made.property = await expectJson<NamedBody>(
      await admin.request.post("/api/v1/properties", {
        data: { name: `Refusal target ${stamp}`, appliesTo: "user", type: "single_choice", options: [{ label: "One" }, { label: "Two" }] },
      }),
      201,
    );
    made.team = await expectJson<NamedBody>(await admin.request.post("/api/v1/teams", { data: { name: `Refusal target team ${stamp}` } }), 201);
    made.view = await expectJson<NamedBody>(
      await admin.request.post("/api/v1/views", {
        data: { name: `Refusal target view ${stamp}`, objectType: "document", shared: true, columns: ["reference", "title"] },
      }),
      201,
    );
    // Disabled: it grants nothing while it exists.
    made.rule = await expectJson<RuleBody>(
      await admin.request.post("/api/v1/access-rules", {
        data: {
          name: `Refusal target rule ${stamp}`,
          level: "view",
          enabled: false,
          users: { all: false, userIds: [made.user.id] },
          objects: { types: ["part"], properties: [] },
        },
      }),
      201,
    );
    const documentTemplate = (await listAll<TemplateBody>(admin.request, "/api/v1/templates?objectType=document"))[0];
    expect(documentTemplate, "a document template").toBeDefined();
    const sites = await listAll<SiteBody>(admin.request, "/api/v1/sites");
    const lyon = sites.find((site) => site.name === "Lyon")!;
    const everyoneView = (await listAll<RuleBody>(admin.request, "/api/v1/access-rules")).find((rule) => rule.name === "Everyone — View — all objects");
    expect(everyoneView, "the demo rule Everyone — View").toBeDefined();

    const before = await adminFingerprint(admin.request);

    // The Manager signs in through the form.
    await page.goto("/");
    await signInAsDemoUser(page, "manager@demo.test");
    await expect(page).toHaveURL("/");
    const header = page.getByRole("banner");
    await expect(header.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents", exact: true })).toBeVisible();
    await expect(header.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
    await expect(header.locator('a[href^="/admin"]')).toHaveCount(0);

    // Every admin page is the 404 page, not a redirect elsewhere and not an error.
    const adminRowPages = [
      `/admin/users/${made.user.id}`,
      `/admin/sites/${made.site.id}`,
      `/admin/properties/${made.property.id}`,
      `/admin/teams/${made.team.id}`,
      `/admin/templates/${documentTemplate!.id}`,
      `/admin/views/${made.view.id}`,
      `/admin/access-rules/${made.rule.id}`,
    ];
    for (const path of [...adminPages, ...adminRowPages]) {
      const response = await page.goto(path);
      expect.soft(response?.status(), path).toBe(404);
      expect.soft(new URL(page.url()).pathname, path).toBe(path);
      await expect.soft(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
      await expect.soft(page.getByText("This page does not exist, or it is not available to you.")).toBeVisible();
      await expect.soft(page.getByRole("navigation", { name: "Administration" }), path).toHaveCount(0);
      await expect.soft(page.getByRole("banner").getByRole("link", { name: "Admin", exact: true }), path).toHaveCount(0);
    }
    await page.goto("/admin/users");
    await page.screenshot({ path: "test-results/screenshots/admin-refused-manager.png", fullPage: true });

    // Reads stay open to any signed-in user.
    const me = await expectJson<UserBody>(await page.request.get("/api/v1/me"), 200);
    expect(me).toMatchObject({ email: "manager@demo.test", role: "manager" });
    const managerVersion = (await expectJson<UserBody>(await admin.request.get(`/api/v1/users/${me.id}`), 200)).version;
    expect((await listAll<UserBody>(page.request, "/api/v1/users")).map((user) => user.email)).toEqual(
      expect.arrayContaining(["admin@demo.test", "manager@demo.test", made.user.email]),
    );
    expect((await listAll<SiteBody>(page.request, "/api/v1/sites")).map((site) => site.name)).toEqual(
      expect.arrayContaining(["Toulouse", "Lyon", "Montréal", made.site.name]),
    );

    // Every admin write, with a valid body, as the Manager.
    const managerRule = { name: `Manager's own rule ${stamp}`, level: "full", users: { all: false, userIds: [me.id] }, objects: { types: [], properties: [] } };
    const writes: [string, () => Promise<APIResponse>][] = [
      [
        "POST /api/v1/users",
        () =>
          page.request.post("/api/v1/users", {
            data: {
              email: `manager-made-${stamp}@demo.test`,
              name: `Made by a manager ${stamp}`,
              role: "admin",
              signInMethod: "password",
              password: `Manager made passphrase ${stamp}`,
              siteIds: [lyon.id],
              properties: {},
            },
          }),
      ],
      ["PATCH /api/v1/users/{self} (role admin)", () => page.request.patch(`/api/v1/users/${me.id}`, { data: { version: managerVersion, role: "admin" } })],
      ["PATCH /api/v1/users/{id}", () => page.request.patch(`/api/v1/users/${made.user!.id}`, { data: { version: made.user!.version, name: `Renamed ${stamp}` } })],
      ["POST /api/v1/users/{id}/deactivate", () => page.request.post(`/api/v1/users/${made.user!.id}/deactivate`, { data: { version: made.user!.version } })],
      ["POST /api/v1/sites", () => page.request.post("/api/v1/sites", { data: { name: `Manager's site ${stamp}` } })],
      ["PATCH /api/v1/sites/{id}", () => page.request.patch(`/api/v1/sites/${made.site!.id}`, { data: { version: made.site!.version, name: `Renamed site ${stamp}` } })],
      [
        "PATCH /api/v1/sites/{Lyon} (join it)",
        () => page.request.patch(`/api/v1/sites/${lyon.id}`, { data: { version: lyon.version, userIds: [...lyon.userIds, me.id] } }),
      ],
      ["POST /api/v1/properties", () => page.request.post("/api/v1/properties", { data: { name: `Manager's property ${stamp}`, appliesTo: "document", type: "text" } })],
      [
        "PATCH /api/v1/properties/{id}",
        () => page.request.patch(`/api/v1/properties/${made.property!.id}`, { data: { version: made.property!.version, name: `Renamed property ${stamp}` } }),
      ],
      ["DELETE /api/v1/properties/{id}", () => page.request.delete(`/api/v1/properties/${made.property!.id}?version=${made.property!.version}`)],
      ["POST /api/v1/teams", () => page.request.post("/api/v1/teams", { data: { name: `Manager's team ${stamp}`, userIds: [me.id] } })],
      ["PATCH /api/v1/teams/{id}", () => page.request.patch(`/api/v1/teams/${made.team!.id}`, { data: { version: made.team!.version, userIds: [me.id] } })],
      ["DELETE /api/v1/teams/{id}", () => page.request.delete(`/api/v1/teams/${made.team!.id}?version=${made.team!.version}`)],
      [
        "PATCH /api/v1/templates/{id}",
        () =>
          page.request.patch(`/api/v1/templates/${documentTemplate!.id}`, {
            data: { version: documentTemplate!.version, defaultScope: { kind: "organization" } },
          }),
      ],
      [
        "POST /api/v1/views (shared)",
        () =>
          page.request.post("/api/v1/views", {
            data: { name: `Manager's shared view ${stamp}`, objectType: "document", shared: true, columns: ["reference", "title"] },
          }),
      ],
      ["PATCH /api/v1/views/{shared}", () => page.request.patch(`/api/v1/views/${made.view!.id}`, { data: { version: made.view!.version, name: `Renamed view ${stamp}` } })],
      ["DELETE /api/v1/views/{shared}", () => page.request.delete(`/api/v1/views/${made.view!.id}?version=${made.view!.version}`)],
      ["GET /api/v1/access-rules", () => page.request.get("/api/v1/access-rules")],
      ["GET /api/v1/access-rules/{id}", () => page.request.get(`/api/v1/access-rules/${everyoneView!.id}`)],
      ["POST /api/v1/access-rules", () => page.request.post("/api/v1/access-rules", { data: managerRule })],
      [
        "PATCH /api/v1/access-rules/{id}",
        () => page.request.patch(`/api/v1/access-rules/${everyoneView!.id}`, { data: { version: everyoneView!.version, level: "full" } }),
      ],
      ["DELETE /api/v1/access-rules/{id}", () => page.request.delete(`/api/v1/access-rules/${made.rule!.id}?version=${made.rule!.version}`)],
      ["POST /api/v1/access-rules/preview", () => page.request.post("/api/v1/access-rules/preview", { data: { kind: "create", rule: managerRule } })],
    ];
    for (const [name, send] of writes) {
      const response = await send();
      const text = await response.text();
      expect.soft([403, 404], `${name} → ${response.status()} ${text}`).toContain(response.status());
      let body: ErrorBody | null = null;
      try {
        body = JSON.parse(text) as ErrorBody;
      } catch {
        // Not JSON: the assertion below says so.
      }
      expect.soft(body?.error?.code, `${name}: ${text.slice(0, 300)}`).toBe(response.status() === 404 ? "not_found" : "forbidden");
      expect.soft(typeof body?.error?.message, name).toBe("string");
    }

    // Nothing changed, as the Admin reads it; and the Manager is still a Manager of Toulouse only.
    const after = await adminFingerprint(admin.request);
    for (const key of Object.keys(before) as (keyof typeof before)[]) expect(after[key], key).toBe(before[key]);
    expect(await expectJson<UserBody>(await page.request.get("/api/v1/me"), 200)).toEqual(me);
    expect(await expectJson<UserBody>(await admin.request.get(`/api/v1/users/${me.id}`), 200)).toMatchObject({ role: "manager", version: managerVersion });
  } finally {
    // The Admin removes the throwaway rows (a user and a site cannot be deleted: deactivated and archived).
    const cleanups: [string, () => Promise<APIResponse>][] = [];
    if (made.rule) cleanups.push(["rule", () => admin.request.delete(`/api/v1/access-rules/${made.rule!.id}`)]);
    if (made.view) cleanups.push(["view", () => admin.request.delete(`/api/v1/views/${made.view!.id}`)]);
    if (made.team) cleanups.push(["team", () => admin.request.delete(`/api/v1/teams/${made.team!.id}`)]);
    if (made.property) cleanups.push(["property", () => admin.request.delete(`/api/v1/properties/${made.property!.id}`)]);
    if (made.user) cleanups.push(["user", () => admin.request.post(`/api/v1/users/${made.user!.id}/deactivate`, { data: {} })]);
    if (made.site) cleanups.push(["site", () => admin.request.patch(`/api/v1/sites/${made.site!.id}`, { data: { archived: true } })]);
    for (const [what, send] of cleanups) {
      const response = await send();
      expect.soft(response.status(), `cleaning up the ${what}: ${await response.text()}`).toBe(200);
    }
    await admin.close();
  }
});
