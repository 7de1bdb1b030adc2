import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, signInSession } from "./support/api-session";
import { chooseLanguage } from "./support/user-menu";

// Admin → Integrations and the integration log (SPEC §8), in Debian Chromium against the demo: an Admin creates an
// integration with the Viewer role on Lyon and copies its token, shown once; a call made with the token appears in
// the log. Both pages looked at in English and French, at 375 and 1440 px, and checked with axe. For a Manager
// neither page nor API exists.

const run = Date.now().toString(36);
const screenshots = "test-results/screenshots/integrations";

const languages = [
  { locale: "en", acceptLanguage: "en-GB,en;q=0.9", create: "Create integration", copy: "Copy this token now", log: "Integration log" },
  { locale: "fr", acceptLanguage: "fr-FR,fr;q=0.9", create: "Créer l'intégration", copy: "Copiez ce jeton maintenant", log: "Journal des intégrations" },
] as const;

/** A full-page screenshot at both widths, the wide one last (the page is left as it was). */
async function shootBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${screenshots}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${screenshots}/${name}-1440.png`, fullPage: true });
}

for (const language of languages) {
  test(`an Admin creates an integration, copies its token once and finds its call in the log (${language.locale})`, async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const admin = await signInSession(browser, baseURL!, "admin@demo.test", undefined, {
      extraHTTPHeaders: { "Accept-Language": language.acceptLanguage },
      locale: language.acceptLanguage.split(",")[0],
      viewport: { width: 1440, height: 900 },
    });
    try {
      const { page } = admin;
      const name = `ERP ${language.locale} ${run}`;
      await page.goto("/admin/integrations");
      // The Admin's saved language (earlier specs choose one) wins over the browser's.
      await chooseLanguage(page, language.locale);
      await page.locator("#integration-name").fill(name);
      await page.locator("#role").selectOption("viewer");
      await page.getByRole("checkbox", { name: /^Lyon/ }).check();
      await page.locator("#credentialName").fill("nightly sync");
      await page.getByRole("button", { name: language.create }).click();
      await expect(page.getByRole("heading", { name: language.copy })).toBeVisible();
      const token = await page.getByTestId("issued-token").inputValue();
      expect(token).toMatch(/^atl_/);
      await expectNoAxeViolations(page, `integrations with a fresh token (${language.locale})`);
      await shootBothWidths(page, `${language.locale}-integration-token`);

      // The token acts as a Lyon viewer: it lists objects, and may not create one.
      const headers = { authorization: `Bearer ${token}` };
      const listed = await expectJson<{ items: unknown[] }>(await page.request.get("/api/v1/objects?limit=5", { headers }), 200);
      expect(listed.items.length).toBeGreaterThan(0);
      expect((await page.request.post("/api/v1/objects", { headers, data: { type: "part", title: "From the ERP" } })).status()).toBe(403);

      // The integration's page, then its calls in the log.
      await page.getByRole("link", { name: new RegExp(name) }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      await expectNoAxeViolations(page, `integration page (${language.locale})`);
      await page.screenshot({ path: `${screenshots}/${language.locale}-integration-page-1440.png`, fullPage: true });
      await page.locator(`a[href^="/admin/integration-log?integrationId="]`).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(language.log);
      await expect(page.getByRole("cell", { name: "GET /api/v1/objects" })).toBeVisible();
      await expect(page.getByRole("cell", { name: "POST /api/v1/objects" })).toBeVisible();
      await expectNoAxeViolations(page, `integration log (${language.locale})`);
      await shootBothWidths(page, `${language.locale}-integration-log`);

      // Revoked from its page, the token fails at once.
      if (language.locale === "en") {
        await page.getByRole("link", { name }).first().click();
        await page.getByRole("button", { name: "Revoke…" }).click();
        await page.getByRole("button", { name: "Revoke", exact: true }).click();
        await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
        expect((await page.request.get("/api/v1/objects?limit=5", { headers })).status()).toBe(401);
      }
      await chooseLanguage(page, "en");
    } finally {
      await admin.close();
    }
  });
}

test("for a Manager, integrations and the integration log do not exist: 404 in pages and API", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    for (const path of ["/admin/integrations", "/admin/integration-log"]) {
      expect((await manager.page.goto(path))?.status(), path).toBe(404);
    }
    for (const path of ["/api/v1/integrations", "/api/v1/integration-log"]) {
      const body = await expectJson<{ error: { code: string } }>(await manager.request.get(path), 404);
      expect(body.error.code).toBe("not_found");
    }
    const create = await manager.request.post("/api/v1/integrations", { data: { name: "Mine", role: "admin" } });
    expect(create.status()).toBe(404);
  } finally {
    await manager.close();
  }
});
