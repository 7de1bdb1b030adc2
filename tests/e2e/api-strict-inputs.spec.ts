import { expect, test } from "@playwright/test";
import { expectJson, signInSession } from "./support/api-session";

// Issue 14, findings 4 and 7, against the running demo ("pglite" app): a create honours the scope it asks for, an
// unknown field or query parameter is 422 naming it, and a cursor holding an impossible instant or a NUL is 422 on
// `cursor`, never a 500.

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

interface ObjectBody {
  id: string;
  ownerId: string;
  scope: { kind: string; siteIds: string[] };
}

const someId = "0b6f0f7e-3c1a-4d5e-9f00-1234567890ab";
const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** What a cookie-authenticated write sends: the app's own Origin and a JSON body. */
function writeHeaders(baseURL: string): Record<string, string> {
  return { Origin: new URL(baseURL).origin, "Content-Type": "application/json" };
}

function expectFieldError(body: ErrorBody, field: string): void {
  expect(body.error.code).toBe("invalid");
  expect(Object.keys(body.error.fields ?? {}), JSON.stringify(body)).toContain(field);
}

test("A create with scope owner makes a Private object, which even an Admin of its site cannot see", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  try {
    const me = await expectJson<{ id: string }>(await manager.request.get("/api/v1/me"), 200);
    const created = await expectJson<ObjectBody>(
      await manager.request.post("/api/v1/objects", {
        headers: writeHeaders(baseURL!),
        data: { type: "part", title: `E2E private bracket ${Date.now()}`, scope: { kind: "owner" } },
      }),
      201,
    );
    expect(created.scope).toEqual({ kind: "owner", siteIds: [] });
    expect(created.ownerId).toBe(me.id);

    const read = await expectJson<ObjectBody>(await manager.request.get(`/api/v1/objects/${created.id}`), 200);
    expect(read.scope).toEqual({ kind: "owner", siteIds: [] });
    const hidden = await expectJson<ErrorBody>(await admin.request.get(`/api/v1/objects/${created.id}`), 404);
    expect(hidden.error.code).toBe("not_found");
  } finally {
    await admin.close();
    await manager.close();
  }
});

test("An unknown field in a body is 422 naming it, and nothing is created", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    const title = `E2E misspelt scope ${Date.now()}`;
    const misspelt = await expectJson<ErrorBody>(
      await manager.request.post("/api/v1/objects", { headers: writeHeaders(baseURL!), data: { type: "part", title, scopee: { kind: "owner" } } }),
      422,
    );
    expectFieldError(misspelt, "scopee");
    const nested = await expectJson<ErrorBody>(
      await manager.request.post("/api/v1/objects", { headers: writeHeaders(baseURL!), data: { type: "part", title, scope: { kind: "owner", private: true } } }),
      422,
    );
    expectFieldError(nested, "scope.private");

    const found = await expectJson<{ items: ObjectBody[] }>(await manager.request.get(`/api/v1/objects?q=${encodeURIComponent(title)}`), 200);
    expect(found.items).toEqual([]);
  } finally {
    await manager.close();
  }
});

test("A cursor with an impossible instant or a NUL is 422 on cursor, never a 500", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    const objectCursors = [base64url(`2024-13-01T00:00:00.000000Z|${someId}`), base64url(`0000-01-01T00:00:00.000000Z|${someId}`)];
    for (const cursor of objectCursors) {
      expectFieldError(await expectJson<ErrorBody>(await manager.request.get(`/api/v1/objects?cursor=${cursor}`), 422), "cursor");
    }
    const nameCursor = base64url(JSON.stringify(["ali\u0000ce", someId]));
    for (const list of ["/api/v1/users", "/api/v1/sites", "/api/v1/teams"]) {
      expectFieldError(await expectJson<ErrorBody>(await manager.request.get(`${list}?cursor=${nameCursor}`), 422), "cursor");
    }
  } finally {
    await manager.close();
  }
});

test("An unknown query parameter on a list is 422 naming it, even when empty", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    expectFieldError(await expectJson<ErrorBody>(await manager.request.get("/api/v1/objects?type=part&sort=title"), 422), "sort");
    expectFieldError(await expectJson<ErrorBody>(await manager.request.get("/api/v1/users?page="), 422), "page");
    expectFieldError(await expectJson<ErrorBody>(await manager.request.get("/api/v1/me?verbose=1"), 422), "verbose");
    // Declared parameters left empty still mean "not set".
    await expectJson(await manager.request.get("/api/v1/objects?type=&q=&cursor=&limit=5"), 200);
  } finally {
    await manager.close();
  }
});
