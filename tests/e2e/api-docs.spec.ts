import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { signInSession } from "./support/api-session";

// The API reference page: Scalar renders /api/v1/openapi.json from this origin under the pages' CSP (no request
// leaves for another host, no policy violation), wide and narrow, with nothing axe objects to.

const screenshots = "test-results/screenshots";

test("a signed-in user browses the API reference at 1440 and 375 px", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const viewer = await signInSession(browser, baseURL!, "viewer@demo.test", undefined, { viewport: { width: 1440, height: 900 } });
  const { page } = viewer;
  try {
    const refusedByPolicy: string[] = [];
    const foreign: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
    });
    page.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin && !request.url().startsWith("data:")) foreign.push(request.url());
    });

    await page.goto("/api/docs");
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    // Scalar's bundle (≈ 5 MB) loads and renders after the page: the only wait longer than the default.
    await expect(page.getByRole("heading", { name: "Atelier API" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("List access rules (Admin)").first()).toBeVisible();
    await page.screenshot({ path: `${screenshots}/api-docs-1440.png` });
    await expectNoAxeViolations(page, "API reference, 1440 px");

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(page.getByRole("heading", { name: "Atelier API" })).toBeVisible();
    await page.screenshot({ path: `${screenshots}/api-docs-375.png` });
    await expectNoAxeViolations(page, "API reference, 375 px");

    expect(refusedByPolicy).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    await viewer.close();
  }
});
