import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// The 📈 dashboard in Debian Chromium against the demo's six months: the Admin sees them and narrows to Lyon by the
// site filter (figures and URL change); the Toulouse Manager is offered Toulouse only and a hand-edited Lyon URL is
// refused; the viewer and the kiosk have no icon, and page and API are 404. Screenshots in both languages at both
// widths, axe on each.

interface AnalyticsBody {
  site: { id: string | null; choices: { id: string; name: string }[] };
  charts: { id: string; figures: Record<string, { value: number }>; rows: unknown[][] }[];
}

async function chooseLanguage(page: Page, name: string, locale: string) {
  await userMenuButton(page).click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** The documents chart's figures as the page writes them, once its section has streamed in. */
async function documentFigures(page: Page): Promise<string> {
  const documents = page.getByRole("region", { name: /^Documents$/ });
  await expect(documents.locator("dl")).toBeVisible();
  return (await documents.locator("dl").innerText()).replace(/\s+/g, " ");
}

test("Admins and Managers see their sites' figures; other roles find no dashboard", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  const manager = await signInSession(browser, baseURL!, "manager@demo.test");
  try {
    // The API: six months of documents across every site, one bar per month.
    const all = await expectJson<AnalyticsBody>(await admin.request.get("/api/v1/analytics"), 200);
    const lyon = all.site.choices.find((site) => site.name === "Lyon")!;
    const toulouse = all.site.choices.find((site) => site.name === "Toulouse")!;
    const documents = all.charts.find((chart) => chart.id === "documents")!;
    expect(documents.rows.length).toBeGreaterThanOrEqual(6);
    expect(documents.figures.created!.value).toBeGreaterThan(0);
    const csv = await admin.request.get(`/api/v1/analytics/export?chart=usage&siteId=${lyon.id}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toMatch(/^User,Sessions,/);

    // The page: the Admin's view of every site, then Lyon's.
    const { page } = admin;
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Analytics" }).click();
    await expect(page).toHaveURL(/\/analytics$/);
    const everySite = await documentFigures(page);
    expect(everySite).toMatch(/Documents created [1-9]/);
    await page.getByLabel("Site").selectOption({ label: "Lyon" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`siteId=${lyon.id}`));
    await expect.poll(() => documentFigures(page)).not.toBe(everySite);
    await expectNoAxeViolations(page, "analytics, Lyon (admin)");

    for (const [name, locale] of [
      ["English", "en"],
      ["Français", "fr"],
    ] as const) {
      await chooseLanguage(page, name, locale);
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/analytics");
        await expect(page.locator("section[aria-busy]")).toHaveCount(0);
        await expectNoAxeViolations(page, `analytics at ${width} px (${locale})`);
        // Wide tables scroll inside their own box; the page itself never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `analytics at ${width} px (${locale})`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `test-results/screenshots/${locale}/analytics-${width}.png`, fullPage: true });
      }
    }
    await chooseLanguage(page, "English", "en");

    // The Toulouse Manager: Toulouse only; Lyon's id by hand is refused, by the page and by the API.
    await manager.page.goto("/analytics");
    const sites = manager.page.getByLabel("Site").locator("option");
    await expect(sites).toHaveText(["All my sites", "Toulouse"]);
    await manager.page.goto(`/analytics?siteId=${lyon.id}`);
    await expect(manager.page.getByRole("alert").filter({ hasText: "These filters cannot be shown" })).toContainText("You can only see the analytics of your own sites");
    await expect(manager.page.getByRole("region", { name: /^Documents$/ })).toHaveCount(0);
    const refused = await expectJson<{ error: { fields: Record<string, string> } }>(await manager.request.get(`/api/v1/analytics?siteId=${lyon.id}`), 422);
    expect(refused.error.fields.siteId).toMatch(/your own sites/);
    await expectJson(await manager.request.get(`/api/v1/analytics?siteId=${toulouse.id}`), 200);
  } finally {
    await admin.close();
    await manager.close();
  }

  for (const email of ["viewer@demo.test", "kiosk@demo.test"]) {
    const other = await signInSession(browser, baseURL!, email);
    try {
      await expect(other.page.getByRole("banner")).toBeVisible();
      await expect(other.page.getByRole("banner").getByRole("link", { name: "Analytics" })).toHaveCount(0);
      expect((await other.page.goto("/analytics"))?.status()).toBe(404);
      expect((await other.request.get("/api/v1/analytics")).status()).toBe(404);
      expect((await other.request.get("/api/v1/analytics/export?chart=documents")).status()).toBe(404);
    } finally {
      await other.close();
    }
  }
});
