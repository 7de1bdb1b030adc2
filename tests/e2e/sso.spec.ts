import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { openAppDatabase, type AppDatabase } from "./support/app-database";
import { oidcClient, oidcIssuer } from "./support/e2e-env";
import { startOidcProvider, type RunningOidcProvider } from "./support/oidc-provider";
import { userMenuButton } from "./support/user-menu";

// The "postgres" app, whose environment SSO (SSO_ISSUER & co., playwright.config.ts) is the real OpenID Connect
// provider started here. The demo has no SSO account, so this spec adds one to the app's database first.
// Refusals as the English catalogue (lib/i18n/messages/en/auth.json, ssoRefusals) words them.
const refusals = {
  unknown_user:
    "There is no Atelier account for this e-mail address that signs in with single sign-on. Ask your Atelier administrator to create one for you.",
  not_sso_user:
    "This account signs in with a password, not single sign-on. Use the e-mail and password form, or ask your Atelier administrator to switch your sign-in method.",
};

const ssoUser = { email: "sam.sso@demo.test", name: "Sam Single-Sign-On" };

let idp: RunningOidcProvider;
let database: AppDatabase;
let ssoUserId: string;

test.beforeAll(async () => {
  idp = await startOidcProvider();
  database = openAppDatabase();
  const { db, schema } = database;
  const [org] = await db.select({ id: schema.organizations.id }).from(schema.organizations).limit(2);
  if (!org) throw new Error("The app's database holds no organisation: was the demo seeded?");
  // An SSO Viewer in the demo organisation, as an Admin would create one (no password: SSO only).
  await db
    .insert(schema.users)
    .values({ organizationId: org.id, email: ssoUser.email, name: ssoUser.name, role: "viewer", signInMethod: "sso" })
    .onConflictDoNothing();
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, ssoUser.email));
  if (!user) throw new Error(`Could not create ${ssoUser.email}.`);
  ssoUserId = user.id;
});

test.afterAll(async () => {
  await idp?.close();
  await database?.close();
});

test.beforeEach(async ({ context }) => {
  // The development login page of oidc-provider imports a web font: no outside network in tests.
  await context.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
});

/** From the app's sign-in page, through the IdP's login (any password) and consent pages, back to the app. */
async function signInThroughIdp(page: Page, email: string, startAt = "/"): Promise<void> {
  await page.goto(startAt);
  await expect(page).toHaveURL(/\/signin\?/);
  await page.getByRole("button", { name: `Sign in with ${oidcClient.buttonLabel}` }).click();

  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/interaction/`));
  await page.locator("input[name=login]").fill(email);
  await page.locator("input[name=password]").fill("any password at all");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(new RegExp(`^${oidcIssuer}/`));
}

test("an SSO user signs in through the identity provider, which binds the identity to the account", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: `Sign in with ${oidcClient.buttonLabel}` })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sso-sign-in-page.png", fullPage: true });

  // Started from a workspace page, the sign-in comes back to it.
  await signInThroughIdp(page, ssoUser.email, "/parts");
  await expect(page).toHaveURL("/parts");
  await expect(userMenuButton(page)).toContainText(ssoUser.name);

  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ id: ssoUserId, email: ssoUser.email, role: "viewer", signInMethod: "sso" });

  // The first sign-in bound (issuer, subject) to the account: later sign-ins match on it, not on the e-mail.
  const { db, schema } = database;
  const bindings = await db
    .select({ userId: schema.ssoIdentities.userId, subject: schema.ssoIdentities.subject })
    .from(schema.ssoIdentities)
    .where(and(eq(schema.ssoIdentities.issuer, oidcIssuer), eq(schema.ssoIdentities.userId, ssoUserId)));
  expect(bindings).toEqual([{ userId: ssoUserId, subject: ssoUser.email }]);

  const [session] = await db
    .select({ method: schema.usageSessions.method, endedAt: schema.usageSessions.endedAt })
    .from(schema.usageSessions)
    .where(eq(schema.usageSessions.userId, ssoUserId));
  expect(session).toEqual({ method: "sso", endedAt: null });
});

test("an SSO identity whose e-mail has no Atelier account is refused with a message on the sign-in page", async ({ page }) => {
  await signInThroughIdp(page, "stranger@demo.test");
  await expect(page).toHaveURL(/\/signin\?.*reason=unknown_user/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(refusals.unknown_user);
  await page.screenshot({ path: "test-results/screenshots/sso-refused-unknown-user.png", fullPage: true });

  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});

test("a password account is refused through SSO", async ({ page }) => {
  await signInThroughIdp(page, "manager@demo.test");
  await expect(page).toHaveURL(/\/signin\?.*reason=not_sso_user/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(refusals.not_sso_user);

  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});
