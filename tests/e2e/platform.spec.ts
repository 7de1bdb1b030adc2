import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, listAll, signInSession } from "./support/api-session";
import { chooseLanguage, userMenuButton } from "./support/user-menu";

// Issue 18's ground, checked in Debian Chromium on the demo ("pglite" app): what each role is offered, every
// page in both languages with axe finding nothing, and the narrow screen.

const languages = [
  { locale: "en", acceptLanguage: "en-GB,en;q=0.9", home: "Welcome to Atelier" },
  { locale: "fr", acceptLanguage: "fr-FR,fr;q=0.9", home: "Bienvenue dans Atelier" },
] as const;

async function signedIn(browser: Browser, baseURL: string, email: string, acceptLanguage: string, viewport?: { width: number; height: number }) {
  const session = await signInSession(browser, baseURL, email, undefined, { extraHTTPHeaders: { "Accept-Language": acceptLanguage }, locale: acceptLanguage.split(",")[0], viewport });
  return session;
}

for (const email of ["viewer@demo.test", "kiosk@demo.test"]) {
  test(`${email}: the home page offers no Admin or Analytics, and both pages are 404`, async ({ browser, baseURL }) => {
    const { page, close } = await signedIn(browser, baseURL!, email, "en-GB");
    try {
      await page.goto("/");
      const header = page.getByRole("banner");
      await expect(page.getByRole("heading", { name: "Welcome to Atelier" })).toBeVisible();
      await expect(header.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
      await expect(header.getByRole("link", { name: "Analytics" })).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("link", { name: /Admin|Analytics/ })).toHaveCount(0);
      await expectNoAxeViolations(page, `home as ${email}`);
      for (const path of ["/analytics", "/admin", "/admin/users"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      }
      await expectNoAxeViolations(page, `404 as ${email}`);
    } finally {
      await close();
    }
  });
}

/** Every page an Admin can open, with one record page of each kind. */
async function adminPages(page: Page): Promise<string[]> {
  const first = async (path: string) => (await listAll<{ id: string }>(page.request, path))[0]?.id;
  // The demo has no shared view: the view editor's page needs one.
  if (!(await first("/api/v1/views?shared=true"))) {
    await expectJson(
      await page.request.post("/api/v1/views", { data: { name: "Documents by title", objectType: "document", shared: true, columns: ["reference", "title"] } }),
      201,
    );
  }
  const [user, site, team, property, template, view, rule] = await Promise.all([
    first("/api/v1/users"),
    first("/api/v1/sites"),
    first("/api/v1/teams"),
    first("/api/v1/properties"),
    first("/api/v1/templates"),
    first("/api/v1/views?shared=true"),
    first("/api/v1/access-rules"),
  ]);
  const [documentId, projectId, orderId, partId] = await Promise.all(
    ["document", "project", "manufacturing_order", "part"].map((type) => first(`/api/v1/objects?type=${type}`)),
  );
  return [
    "/",
    "/documents",
    "/parts",
    "/products",
    "/projects",
    "/manufacturing-orders",
    "/workflows",
    "/documents/new",
    "/projects/new",
    "/manufacturing-orders/new",
    `/documents/${documentId}`,
    `/documents/${documentId}/share`,
    `/projects/${projectId}`,
    `/manufacturing-orders/${orderId}`,
    `/parts/${partId}`,
    `/people/${user}`,
    "/search?q=HP-40",
    "/trash",
    "/analytics",
    "/account/sessions",
    "/admin/users",
    "/admin/users/new",
    `/admin/users/${user}`,
    "/admin/sites",
    `/admin/sites/${site}`,
    "/admin/teams",
    `/admin/teams/${team}`,
    "/admin/properties",
    "/admin/properties/new",
    `/admin/properties/${property}`,
    "/admin/templates",
    `/admin/templates/${template}`,
    "/admin/views",
    "/admin/views/new",
    `/admin/views/${view}`,
    "/admin/access-rules",
    "/admin/access-rules/new",
    `/admin/access-rules/${rule}`,
  ];
}

for (const language of languages) {
  test(`every page in ${language.locale}: rendered in the language, axe finds nothing`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const signInContext = await browser.newContext({ baseURL, extraHTTPHeaders: { "Accept-Language": language.acceptLanguage }, locale: language.acceptLanguage.split(",")[0] });
    const signIn = await signInContext.newPage();
    await signIn.goto("/signin");
    await expect(signIn.locator("html")).toHaveAttribute("lang", language.locale);
    await expectNoAxeViolations(signIn, `sign-in (${language.locale})`);
    await signIn.screenshot({ path: `test-results/screenshots/${language.locale}/sign-in.png`, fullPage: true });
    for (const path of ["/forgot-password", "/reset-password?token=unknown"]) {
      await signIn.goto(path);
      await expectNoAxeViolations(signIn, `${path} (${language.locale})`);
    }
    await signInContext.close();

    const { page, close } = await signedIn(browser, baseURL!, "admin@demo.test", language.acceptLanguage);
    try {
      await page.goto("/");
      // The Admin's saved language (earlier specs choose one) wins over the browser's.
      await chooseLanguage(page, language.locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(language.home);
      for (const path of await adminPages(page)) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
        await expectNoAxeViolations(page, `${path} (${language.locale})`);
        const name = path === "/" ? "home" : path.slice(1).replace(/\?.*$/, "").replaceAll("/", "-").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, "record");
        await page.screenshot({ path: `test-results/screenshots/${language.locale}/${name}.png`, fullPage: true });
      }
      await chooseLanguage(page, "en");
    } finally {
      await close();
    }
  });
}

test("the language switch in the user menu changes the language and keeps it", async ({ browser, baseURL }) => {
  const { page, close } = await signedIn(browser, baseURL!, "manager@demo.test", "en-GB");
  try {
    await page.goto("/");
    await userMenuButton(page).click();
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue dans Atelier");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bienvenue dans Atelier");
    await userMenuButton(page).click();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Atelier");
  } finally {
    await close();
  }
});

test("at 375 px the sections sit behind a Menu button, the user menu has a name and closes on Escape", async ({ browser, baseURL }) => {
  const { page, close } = await signedIn(browser, baseURL!, "admin@demo.test", "en-GB", { width: 375, height: 800 });
  try {
    await page.goto("/");
    const navigation = page.getByRole("navigation", { name: "Main" });
    await expect(navigation.getByRole("link", { name: "Documents" })).toBeHidden();
    await navigation.getByRole("button", { name: "Menu" }).click();
    await expect(navigation.getByRole("link", { name: "Manufacturing orders" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(navigation.getByRole("link", { name: "Documents" })).toBeHidden();

    const menu = userMenuButton(page);
    await expect(menu).toHaveAccessibleName(/Account menu of Alice/);
    await menu.click();
    await expect(page.getByRole("link", { name: "My sessions" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("link", { name: "My sessions" })).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await page.mouse.click(10, 780);
    await expect(page.getByRole("link", { name: "My sessions" })).toBeHidden();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, "nothing wider than the window").toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page, "home at 375 px");
    await page.screenshot({ path: "test-results/screenshots/en/home-375.png", fullPage: true });
  } finally {
    await close();
  }
});

test("by keyboard alone: sign in, and reach the rule editor's Preview impact in a few Tab presses", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
  const page = await context.newPage();
  try {
    await page.goto("/signin");
    // Skip link, then the e-mail field: the sign-in form comes first in the tab order.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("E-mail")).toBeFocused();
    await page.keyboard.type("admin@demo.test");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.keyboard.type(process.env.DEMO_PASSWORD ?? "atelier-demo-2026");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/");

    await page.goto("/admin/access-rules/new");
    await page.getByLabel("Name", { exact: true }).focus();
    let presses = 0;
    const preview = page.getByRole("button", { name: "Preview impact" });
    while (!(await preview.evaluate((element) => element === document.activeElement)) && presses < 60) {
      await page.keyboard.press("Tab");
      presses += 1;
    }
    expect(presses, "Tab presses from the name to Preview impact").toBeLessThanOrEqual(30);
  } finally {
    await context.close();
  }
});
