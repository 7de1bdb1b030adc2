import http from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { adminFingerprint, expectJson, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// What an outside probe found (issue 14), replayed against the running demo ("pglite" app): each test fails on the
// code before the fix. docs/security.md says which promise each one checks.

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** A request context that sends exactly this cookie header and nothing of a browser's (no Origin). */
async function replayingCookie(baseURL: string, cookie: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
}

async function sessionCookieHeader(request: APIRequestContext): Promise<string> {
  const cookies = (await request.storageState()).cookies.filter((cookie) => cookie.name.includes("authjs.session-token"));
  expect(cookies.length, "a session cookie after sign-in").toBeGreaterThan(0);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test.describe("sign-out ends the session on the server, whichever way out", () => {
  test("Auth.js's own POST /api/auth/signout: the old cookie replayed is 401", async ({ browser, baseURL }) => {
    const viewer = await signInSession(browser, baseURL!, "viewer@demo.test");
    const cookie = await sessionCookieHeader(viewer.request);
    const replay = await replayingCookie(baseURL!, cookie);
    try {
      await expectJson(await replay.get("/api/v1/me"), 200);
      const { csrfToken } = await expectJson<{ csrfToken: string }>(await viewer.request.get("/api/auth/csrf"), 200);
      const signedOut = await viewer.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
      expect(signedOut.status()).toBeLessThan(400);

      const after = await expectJson<ErrorBody>(await replay.get("/api/v1/me"), 401);
      expect(after.error.code).toBe("unauthenticated");
      const page = await replay.get("/admin/users", { maxRedirects: 0 });
      expect(page.status(), "a page with the dead cookie sends to sign-in").not.toBe(200);
    } finally {
      await replay.dispose();
      await viewer.close();
    }
  });

  test("the user menu's Sign out: the old cookie replayed is 401", async ({ browser, baseURL }) => {
    const manager = await signInSession(browser, baseURL!, "manager@demo.test");
    const replay = await replayingCookie(baseURL!, await sessionCookieHeader(manager.request));
    try {
      await manager.page.goto("/");
      await userMenuButton(manager.page).click();
      await manager.page.getByRole("button", { name: "Sign out" }).click();
      await expect(manager.page).toHaveURL("/signin?reason=signed_out");
      await expectJson(await replay.get("/api/v1/me"), 401);
    } finally {
      await replay.dispose();
      await manager.close();
    }
  });
});

test.describe("cross-site writes to /api/v1 and to server actions are refused and change nothing", () => {
  test("foreign or missing Origin, and non-JSON bodies, are refused before anything is written", async ({ browser, baseURL }) => {
    const admin = await signInSession(browser, baseURL!, "admin@demo.test");
    const cookie = await sessionCookieHeader(admin.request);
    const bare = await replayingCookie(baseURL!, cookie);
    const appOrigin = new URL(baseURL!).origin;
    const otherPort = `${new URL(baseURL!).protocol}//${new URL(baseURL!).hostname}:${Number(new URL(baseURL!).port) + 1000}`;
    try {
      const before = await adminFingerprint(admin.request);
      const body = JSON.stringify({ name: `Forged team ${Date.now()}` });
      const attempts: [string, Record<string, string>, number, string][] = [
        ["another site's Origin, text/plain", { origin: "http://evil.example", "content-type": "text/plain" }, 403, "forbidden"],
        ["another port of the same site, JSON", { origin: otherPort, "content-type": "application/json" }, 403, "forbidden"],
        ["no Origin at all, JSON", { "content-type": "application/json" }, 403, "forbidden"],
        ["Sec-Fetch-Site: same-site (not same-origin)", { "sec-fetch-site": "same-site", "content-type": "application/json" }, 403, "forbidden"],
        ["the app's Origin but a text/plain body", { origin: appOrigin, "content-type": "text/plain" }, 415, "unsupported_media_type"],
        ["the app's Origin but a form body", { origin: appOrigin, "content-type": "application/x-www-form-urlencoded" }, 415, "unsupported_media_type"],
      ];
      for (const [label, headers, status, code] of attempts) {
        const answer = await bare.post("/api/v1/teams", { headers, data: body });
        expect(answer.status(), `${label}: ${await answer.text()}`).toBe(status);
        expect(((await answer.json()) as ErrorBody).error.code, label).toBe(code);
      }
      const serverAction = await bare.post("/", { headers: { origin: "http://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain" }, data: "[]" });
      expect(serverAction.status(), "a cross-site server action is a clean 403, not a 500").toBe(403);

      const positive = await bare.post("/api/v1/teams", {
        headers: { origin: appOrigin, "content-type": "application/json" },
        data: JSON.stringify({ name: `Same-origin team ${Date.now()}` }),
      });
      const made = await expectJson<{ id: string; version: number }>(positive, 201);
      await expectJson(await admin.request.delete(`/api/v1/teams/${made.id}?version=${made.version}`), 200);

      expect(await adminFingerprint(admin.request), "nothing changed").toEqual(before);
    } finally {
      await bare.dispose();
      await admin.close();
    }
  });

  test("a page on another port of the same site auto-submitting a text/plain form creates nothing", async ({ browser, baseURL }) => {
    const admin = await signInSession(browser, baseURL!, "admin@demo.test");
    // The victim's browser as it is: its own Origin header on every request, none set by the test.
    const victim = await browser.newContext({ baseURL, extraHTTPHeaders: {}, storageState: await admin.request.storageState() });
    const victimPage = await victim.newPage();
    const target = new URL("/api/v1/teams", baseURL).toString();
    // enctype=text/plain sends `name=value`: the value completes a JSON object, as an attacker would write it.
    const attackerPage = `<!doctype html><html><body><form method="POST" action="${target}" enctype="text/plain">
      <input type="hidden" name='{"name":"Forged by form","x":"' value='"}'></form>
      <script>document.forms[0].submit()</script></body></html>`;
    const attacker = http.createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(attackerPage);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    const port = (attacker.address() as { port: number }).port;
    try {
      const before = await adminFingerprint(admin.request);
      const answered = victimPage.waitForResponse((response) => response.url() === target);
      await victimPage.goto(`http://localhost:${port}/`);
      const answer = await answered;
      expect(answer.status(), "the browser's cross-site form POST").toBe(403);
      expect(await adminFingerprint(admin.request)).toEqual(before);
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
      await victim.close();
      await admin.close();
    }
  });
});

/** Sends headers and a first slice of a huge body, then waits for the answer without sending the rest. */
function answerBeforeBody(baseURL: string, path: string, headers: Record<string, string>, declaredLength: number | null) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
    let sentBytes = 0;
    const request = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { host: url.host, "content-type": "application/json", ...headers, ...(declaredLength !== null ? { "content-length": String(declaredLength) } : {}) },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, sentBytes });
        request.destroy();
      },
    );
    request.on("error", (error) => {
      if (!request.destroyed) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // 2 MB at most: past the 1 MB limit of a streamed body, far short of the 50 MB a Content-Length announces.
    const pump = () => {
      while (sentBytes < 2 * 1024 * 1024 && !request.destroyed) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
    };
    pump();
  });
}

test.describe("request bodies are read only after the caller is known, and only up to the limit", () => {
  const fiftyMegabytes = 50 * 1024 * 1024;

  test("an anonymous 50 MB body is refused (401) without being read", async ({ baseURL }) => {
    const answer = await answerBeforeBody(baseURL!, "/api/v1/teams", { origin: new URL(baseURL!).origin }, fiftyMegabytes);
    expect(answer.status).toBe(401);
    expect(answer.sentBytes).toBeLessThan(fiftyMegabytes);
  });

  test("a signed-in caller's oversized body is 413, by Content-Length and while streaming", async ({ browser, baseURL }) => {
    const admin = await signInSession(browser, baseURL!, "admin@demo.test");
    const headers = { origin: new URL(baseURL!).origin, cookie: await sessionCookieHeader(admin.request) };
    try {
      const declared = await answerBeforeBody(baseURL!, "/api/v1/teams", headers, fiftyMegabytes);
      expect(declared.status).toBe(413);
      expect(declared.sentBytes).toBeLessThan(fiftyMegabytes);
      const streamed = await answerBeforeBody(baseURL!, "/api/v1/teams", headers, null);
      expect(streamed.status).toBe(413);
    } finally {
      await admin.close();
    }
  });
});

test.describe("text the database cannot store is a 422 naming the field", () => {
  test("NUL in a search or a name", async ({ browser, baseURL }) => {
    const admin = await signInSession(browser, baseURL!, "admin@demo.test");
    try {
      for (const path of ["/api/v1/objects?q=a%00b", "/api/v1/objects/count?q=%00", "/api/v1/users?q=%00"]) {
        const answer = await expectJson<ErrorBody>(await admin.request.get(path), 422);
        expect(answer.error.fields?.q, path).toBeTruthy();
      }
      const team = await expectJson<ErrorBody>(await admin.request.post("/api/v1/teams", { data: { name: "Team\u0000name" } }), 422);
      expect(team.error.fields?.name).toBeTruthy();
      const object = await expectJson<ErrorBody>(
        await admin.request.post("/api/v1/objects", { data: { type: "part", title: "Bad \ud800 title" } }),
        422,
      );
      expect(object.error.fields?.title).toBeTruthy();
    } finally {
      await admin.close();
    }
  });
});

test.describe("security headers", () => {
  test("a page, an API answer and the sign-in page carry them; the app works under the CSP", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const signInPage = await page.goto("/signin");
    const expectBaseline = (headers: Record<string, string>, label: string) => {
      expect(headers["x-content-type-options"], label).toBe("nosniff");
      expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], label).toContain("camera=()");
      expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
    };
    const signInHeaders = signInPage!.headers();
    expectBaseline(signInHeaders, "sign-in page");
    expect(signInHeaders["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);

    await page.getByLabel("E-mail").fill("admin@demo.test");
    await page.getByLabel("Password", { exact: true }).fill(process.env.DEMO_PASSWORD ?? "atelier-demo-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL("/");
    const home = await page.goto("/admin/users");
    expectBaseline(home!.headers(), "admin users page");
    // Client-side code runs under the policy: the user menu opens, a client navigation works.
    await userMenuButton(page).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

    const api = await page.request.get("/api/v1/me");
    expect(api.status()).toBe(200);
    expectBaseline(api.headers(), "API answer");
    expect(violations).toEqual([]);
    await context.close();
  });

  test("a forged X-Forwarded-Host or -Proto does not move the app to another host or protocol", async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    try {
      const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
      const answer = await anonymous.get("/admin", { headers: forged, maxRedirects: 0 });
      expect(answer.status()).toBeGreaterThanOrEqual(300);
      expect(answer.headers().location ?? "").not.toContain("evil.example");
      // Auth.js builds its sign-in and callback URLs from the host and protocol it trusts: forged ones must not reach them.
      const providers = await anonymous.get("/api/auth/providers", { headers: forged });
      expect(providers.status()).toBe(200);
      const urls = await providers.text();
      expect(urls).not.toContain("evil.example");
      expect(urls).toContain(`${new URL(baseURL!).protocol}//`);
      expect(urls).not.toContain("https://");
    } finally {
      await anonymous.dispose();
    }
  });
});
