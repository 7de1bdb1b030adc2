import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { signInAsDemoUser } from "./sign-in";

// The object API against the running demo (the "pglite" app): each user signs in through the form in a browser
// context of their own, then calls /api/v1 with that context's session cookie.

interface SignedIn {
  request: APIRequestContext;
  close: () => Promise<void>;
}

async function signIn(browser: Browser, baseURL: string, email: string): Promise<SignedIn> {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
  const page = await context.newPage();
  await page.goto("/");
  await signInAsDemoUser(page, email);
  return { request: page.request, close: () => context.close() };
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

interface ObjectBody {
  id: string;
  reference: string;
  title: string;
  ownerId: string;
  version: number;
  scope: { kind: string; siteIds: string[] };
  properties: Record<string, unknown>;
  access?: { level: string; actions: string[] };
}

interface ShareBody {
  scope: { kind: string; sites: { id: string; name: string }[] };
  rules: {
    name: string;
    level: string;
    grantsTo: string;
    objects: { properties: { propertyId: string; values: { value: string; label: string }[] }[] };
  }[];
  you: { level: string };
}

const toulouseRule = "Toulouse edits Toulouse documents";

test("The reference example works end to end through the API", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const admin = await signIn(browser, baseURL!, "admin@demo.test");

  // The document Site tag property and its Toulouse option, as the Share tab of a Toulouse document shows the rule.
  const documents = await json<{ items: ObjectBody[] }>(await admin.request.get("/api/v1/objects?type=document&limit=30"), 200);
  let condition: ShareBody["rules"][number]["objects"]["properties"][number] | undefined;
  for (const document of documents.items) {
    const share = await json<ShareBody>(await admin.request.get(`/api/v1/objects/${document.id}/share`), 200);
    const rule = share.rules.find((candidate) => candidate.name === toulouseRule);
    if (rule) {
      expect(rule).toMatchObject({ level: "modify", grantsTo: "Users whose Site tag is Toulouse" });
      condition = rule.objects.properties[0];
      break;
    }
  }
  expect(condition, "a demo document tagged Toulouse").toBeDefined();
  const siteTagId = condition!.propertyId;
  const toulouseTag = condition!.values.find((value) => value.label === "Toulouse")!.value;

  // The admin creates a Toulouse-tagged document (scope: the admin's sites, by the standard template) and shares it
  // with the whole organisation.
  const created = await json<ObjectBody>(
    await admin.request.post("/api/v1/objects", {
      data: { type: "document", title: `E2E Toulouse procedure ${stamp}`, properties: { [siteTagId]: toulouseTag } },
    }),
    201,
  );
  expect(created).toMatchObject({ type: "document", reference: expect.stringMatching(/^DOC-\d{6}$/), properties: { [siteTagId]: toulouseTag } });
  const share = await json<ShareBody>(await admin.request.get(`/api/v1/objects/${created.id}/share`), 200);
  expect(share.rules.map((rule) => rule.name)).toContain(toulouseRule);
  const toulouseSiteId = share.scope.sites.find((site) => site.name === "Toulouse")!.id;
  const shared = await json<ObjectBody>(
    await admin.request.put(`/api/v1/objects/${created.id}/scope`, { data: { kind: "organization", version: created.version } }),
    200,
  );
  expect(shared.scope).toEqual({ kind: "organization", siteIds: [] });

  // The Toulouse manager edits it: their Site tag is Toulouse.
  const toulouseManager = await signIn(browser, baseURL!, "manager@demo.test");
  const seen = await json<ObjectBody>(await toulouseManager.request.get(`/api/v1/objects/${created.id}`), 200);
  expect(seen.access).toMatchObject({ level: "modify", actions: expect.arrayContaining(["edit"]) });
  const edited = await json<ObjectBody>(
    await toulouseManager.request.patch(`/api/v1/objects/${created.id}`, { data: { version: seen.version, title: `E2E edited in Toulouse ${stamp}` } }),
    200,
  );
  expect(edited).toMatchObject({ title: `E2E edited in Toulouse ${stamp}`, version: seen.version + 1 });
  // A second edit on the version it had before is stale.
  const stale = await json<{ error: { code: string; message: string } }>(
    await toulouseManager.request.patch(`/api/v1/objects/${created.id}`, { data: { version: seen.version, title: "Stale" } }),
    409,
  );
  expect(stale.error.message).toBe("This object was changed by someone else since you opened it. Reload it to see the changes.");

  // A Lyon manager is in scope (organisation) but only views it: "Everyone — View".
  const lyonManager = await signIn(browser, baseURL!, "nathalie.girard@demo.test");
  expect((await json<ObjectBody>(await lyonManager.request.get(`/api/v1/objects/${created.id}`), 200)).access?.level).toBe("view");
  const refused = await json<{ error: { code: string } }>(
    await lyonManager.request.patch(`/api/v1/objects/${created.id}`, { data: { version: edited.version, title: "Edited in Lyon" } }),
    403,
  );
  expect(refused.error.code).toBe("forbidden");
  const explained = await json<{ level: string; actions: { edit: { allowed: boolean; rule: { ok: boolean } } } }>(
    await lyonManager.request.get(`/api/v1/objects/${created.id}/access`),
    200,
  );
  expect(explained).toMatchObject({ level: "view", actions: { edit: { allowed: false, rule: { ok: false } } } });

  // A viewer never edits, even a document they see.
  const viewer = await signIn(browser, baseURL!, "viewer@demo.test");
  await json(await viewer.request.get(`/api/v1/objects/${created.id}`), 200);
  expect((await json<{ error: { code: string } }>(await viewer.request.patch(`/api/v1/objects/${created.id}`, { data: { version: edited.version, title: "x" } }), 403)).error.code).toBe(
    "forbidden",
  );
  expect((await viewer.request.post("/api/v1/objects", { data: { type: "document", title: "Viewer's" } })).status()).toBe(403);
  // Checking someone else's access is Manager+.
  expect((await viewer.request.get(`/api/v1/objects/${created.id}/access?userId=${edited.ownerId}`)).status()).toBe(403);

  // A document shared with Toulouse only: the Lyon viewer is out of scope and learns nothing of it.
  const toulouseOnly = await json<ObjectBody>(
    await admin.request.post("/api/v1/objects", {
      data: { type: "document", title: `E2E Toulouse only ${stamp}`, siteIds: [toulouseSiteId], properties: { [siteTagId]: toulouseTag } },
    }),
    201,
  );
  expect(toulouseOnly.scope).toEqual({ kind: "sites", siteIds: [toulouseSiteId] });
  for (const response of [
    await viewer.request.get(`/api/v1/objects/${toulouseOnly.id}`),
    await viewer.request.patch(`/api/v1/objects/${toulouseOnly.id}`, { data: { version: 1, title: "x" } }),
    await viewer.request.delete(`/api/v1/objects/${toulouseOnly.id}`),
    await viewer.request.get(`/api/v1/objects/${toulouseOnly.id}/share`),
  ]) {
    expect((await json<{ error: { code: string } }>(response, 404)).error.code).toBe("not_found");
  }
  const search = await json<{ items: ObjectBody[] }>(await viewer.request.get(`/api/v1/objects?q=${encodeURIComponent(`E2E Toulouse only ${stamp}`)}`), 200);
  expect(search.items).toEqual([]);
  const count = await json<{ count: number }>(await viewer.request.get(`/api/v1/objects/count?q=${encodeURIComponent(`Toulouse only ${stamp}`)}`), 200);
  expect(count.count).toBe(0);
  // The Toulouse manager, in scope, finds it.
  const found = await json<{ items: ObjectBody[] }>(await toulouseManager.request.get(`/api/v1/objects?q=${encodeURIComponent(`toulouse only ${stamp}`)}`), 200);
  expect(found.items.map((item) => item.id)).toEqual([toulouseOnly.id]);

  for (const session of [admin, toulouseManager, lyonManager, viewer]) await session.close();
});

test("The object API refuses signed-out callers", async ({ request }) => {
  const response = await request.get("/api/v1/objects");
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe("unauthenticated");
});
