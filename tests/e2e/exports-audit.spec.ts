import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signInSession } from "./support/api-session";
import { expectNoAxeViolations } from "./support/axe";
import { userMenuButton } from "./support/user-menu";

// Exports and the audit log (#19): an Admin downloads the users CSV from the page and filters the audit log; both
// pages looked at in English and French at 375 and 1440 px with axe; for a Manager neither exists, page or API.

async function chooseLanguage(page: Page, name: "English" | "Français", locale: "en" | "fr"): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("an Admin downloads the users CSV and filters the audit log; screenshots and axe in both languages", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  const { page } = admin;
  try {
    await page.goto("/admin/exports");
    const users = page.getByRole("region", { name: "Users" });
    const downloading = page.waitForEvent("download");
    await users.getByRole("button", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^atelier-users-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFName,E-mail,")).toBe(true);
    expect(csv).toContain("admin@demo.test");
    await expect(users.getByText(/rows downloaded\./)).toBeVisible();

    // The export just made is on the record; filtering by action and actor finds it, and only such entries.
    await page.goto("/admin/audit-log");
    await page.getByLabel("Action").fill("exports.run");
    await page.getByLabel("Actor's e-mail").fill("admin@demo.test");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    await expect(page).toHaveURL(/action=exports\.run/);
    const entries = page.getByRole("list", { name: "Audit log entries, newest first" }).getByRole("listitem");
    await expect(entries.first()).toContainText("exports.run");
    await expect(entries.first()).toContainText("users");
    for (const text of await entries.allInnerTexts()) expect(text).toContain("exports.run");

    for (const [language, locale] of [["English", "en"], ["Français", "fr"]] as const) {
      await chooseLanguage(page, language, locale);
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, url] of [["audit-log", "/admin/audit-log"], ["exports", "/admin/exports"]] as const) {
          await page.goto(url);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await expectNoAxeViolations(page, `${name} at ${width} px (${locale})`);
          await page.screenshot({ path: `test-results/screenshots/${locale}/${name}-${width}.png`, fullPage: true });
        }
      }
    }
    await chooseLanguage(page, "English", "en");
  } finally {
    await admin.close();
  }
});

test("for manager@demo.test, exports and the audit log are 404 in the pages and the API", async ({ browser, baseURL }) => {
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    for (const path of ["/admin/exports", "/admin/audit-log"]) expect((await manager.page.goto(path))?.status(), path).toBe(404);
    for (const path of ["/api/v1/exports/users", "/api/v1/exports/objects?type=document", "/api/v1/audit-log", "/api/v1/audit-log?action=x"]) {
      const response = await manager.request.get(path);
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  } finally {
    await manager.close();
  }
});
