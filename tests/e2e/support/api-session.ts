import { expect, type APIRequestContext, type APIResponse, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { demoPassword } from "../../../db/seed/demo-accounts";
import { submitPasswordSignIn } from "../sign-in";

/** A user signed in through the sign-in form in a browser context of their own. */
export interface Session {
  page: Page;
  /** Calls with this context's session cookie. */
  request: APIRequestContext;
  close: () => Promise<void>;
}

/** Opens a new browser context and signs in there through the form (the demo password unless one is given). */
export async function signInSession(
  browser: Browser,
  baseURL: string,
  email: string,
  password = demoPassword(),
  options: BrowserContextOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ ...options, baseURL, extraHTTPHeaders: { ...options.extraHTTPHeaders, Origin: new URL(baseURL).origin } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await submitPasswordSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/signin(\?|$)/);
  return { page, request: page.request, close: () => context.close() };
}

/** The JSON body of an answer that must have this status (the body is shown when it has not). */
export async function expectJson<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** Every item of a `{ items, nextCursor }` list, following the cursors (200 a page). */
export async function listAll<T>(request: APIRequestContext, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const url = new URL(path, "http://placeholder");
    url.searchParams.set("limit", "200");
    if (cursor) url.searchParams.set("cursor", cursor);
    const body = await expectJson<{ items: T[]; nextCursor: string | null }>(await request.get(`${url.pathname}${url.search}`), 200);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${path}: more than 100 pages`);
}

/** JSON with object keys sorted at every depth, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  const sortKeys = (entry: unknown): unknown =>
    Array.isArray(entry)
      ? entry.map(sortKeys)
      : entry && typeof entry === "object"
        ? Object.fromEntries(
            Object.keys(entry)
              .sort()
              .map((key) => [key, sortKeys((entry as Record<string, unknown>)[key])]),
          )
        : entry;
  return JSON.stringify(sortKeys(value));
}

/** The lists the admin panel edits, as an Admin reads them through the API: one canonical text per list. */
export const adminListPaths = {
  users: "/api/v1/users",
  sites: "/api/v1/sites",
  properties: "/api/v1/properties",
  teams: "/api/v1/teams",
  templates: "/api/v1/templates",
  sharedViews: "/api/v1/views?shared=true",
  accessRules: "/api/v1/access-rules",
} as const;

export type AdminFingerprint = Record<keyof typeof adminListPaths, string>;

/** Everything the admin panel can change, read by an Admin: items sorted by id, keys sorted, so any change shows. */
export async function adminFingerprint(adminRequest: APIRequestContext): Promise<AdminFingerprint> {
  const entries = await Promise.all(
    Object.entries(adminListPaths).map(async ([name, path]) => {
      const items = await listAll<{ id: string }>(adminRequest, path);
      items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return [name, canonicalJson(items)] as const;
    }),
  );
  return Object.fromEntries(entries) as AdminFingerprint;
}
