import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expectJson, signInSession } from "./support/api-session";
import { userMenuButton } from "./support/user-menu";

// The notification bell, in Debian Chromium against the demo: an Admin mentions the viewer in a comment through the
// API; the viewer's bell shows the unread count, opening it lists the mention and marks it read. Screenshots of the
// open bell in both languages at 375 and 1440 px; axe finds nothing.

const run = Date.now().toString(36);

interface ObjectSummary {
  id: string;
  reference: string;
  title: string;
}

const bellButton = (page: Page) => page.getByRole("banner").getByRole("button", { name: /^Notifications/ });

async function chooseLanguage(page: Page, name: string, locale: string): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole("button", { name }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** The notifications page and the preference page at both widths: axe, no sideways scroll, screenshots. */
async function visitPages(page: Page, locale: string): Promise<void> {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of [
      ["notifications-page", "/notifications"],
      ["notifications-preferences", "/account/notifications"],
    ] as const) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expectNoAxeViolations(page, `${path} at ${width} px (${locale})`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect.soft(overflow, `${path} scrolls sideways at ${width} px`).toBe(false);
      await page.screenshot({ path: `test-results/screenshots/${locale}/${name}-${width}.png`, fullPage: true });
    }
  }
}

test("a mention lights the viewer's bell; opening it lists the mention and marks it read", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const viewer = await signInSession(browser, baseURL!, "viewer@demo.test");
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  try {
    const { page } = viewer;
    await page.goto("/");
    await chooseLanguage(page, "English", "en");
    // Everything the viewer had is read first, so the count is this test's own.
    await expectJson(await viewer.request.post("/api/v1/notifications/read", { data: { all: true } }), 200);

    const { items } = await expectJson<{ items: ObjectSummary[] }>(await viewer.request.get("/api/v1/objects?type=document&limit=1"), 200);
    const document = items[0]!;
    await expectJson(await admin.request.post(`/api/v1/objects/${document.id}/comments`, { data: { body: `E2E ${run}: please check @viewer@demo.test` } }), 201);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/");
    await expect(bellButton(page)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(page.getByTestId("notification-count")).toHaveText("1");

    // Opening the panel marks what it shows read, through the bell's server action.
    const marking = page.waitForResponse((response) => response.request().method() === "POST" && (response.request().postData() ?? "").includes('"ids"'));
    await bellButton(page).click();
    expect((await marking).status()).toBe(200);
    const mention = page.getByRole("link", { name: new RegExp(`mentioned you in a comment on ${document.reference}`) }).first();
    await expect(mention).toBeVisible();
    await expect(bellButton(page)).toHaveAccessibleName("Notifications");
    await expectNoAxeViolations(page, "the open bell at 1440 px (en)");
    await page.screenshot({ path: "test-results/screenshots/en/notifications-bell-1440.png" });

    // Marked read by opening: the count is gone on the next page, and the API agrees.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/");
    await expect(page.getByTestId("notification-count")).toHaveCount(0);
    const unread = await expectJson<{ items: unknown[] }>(await viewer.request.get("/api/v1/notifications?unread=true"), 200);
    expect(unread.items).toEqual([]);
    await bellButton(page).click();
    await expect(mention).toBeVisible();
    await expectNoAxeViolations(page, "the open bell at 375 px (en)");
    await page.screenshot({ path: "test-results/screenshots/en/notifications-bell-375.png" });

    // The list page and the e-mail preference.
    await visitPages(page, "en");
    await page.goto("/account/notifications");
    await page.getByRole("radio", { name: "Once a day, a digest of the unread ones" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Your preference is saved.");
    const preferences = await expectJson<{ email: string }>(await viewer.request.get("/api/v1/me/notification-preferences"), 200);
    expect(preferences.email).toBe("daily_digest");

    // In French, with an unread one again.
    await page.keyboard.press("Escape");
    await chooseLanguage(page, "Français", "fr");
    await expectJson(await admin.request.post(`/api/v1/objects/${document.id}/comments`, { data: { body: `E2E ${run}: encore @viewer@demo.test` } }), 201);
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/");
      await page.getByRole("banner").getByRole("button", { name: /^Notifications/ }).click();
      await expect(page.getByRole("link", { name: new RegExp(`vous a mentionné dans un commentaire sur ${document.reference}`) }).first()).toBeVisible();
      await expectNoAxeViolations(page, `the open bell at ${width} px (fr)`);
      await page.screenshot({ path: `test-results/screenshots/fr/notifications-bell-${width}.png` });
    }
    await page.keyboard.press("Escape");
    await visitPages(page, "fr");
    await chooseLanguage(page, "English", "en");
  } finally {
    await viewer.close();
    await admin.close();
  }
});
