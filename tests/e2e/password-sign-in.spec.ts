import { expect, test } from "@playwright/test";
import { demoPassword } from "../../db/seed/demo-accounts";
import { signInAsDemoUser, submitPasswordSignIn } from "./sign-in";
import { userMenuButton } from "./support/user-menu";

// The "pglite" app: the demo as `npm start` serves it, without single sign-on. Messages as the English catalogue
// (lib/i18n/messages/en/auth.json: sessionEnded, errors) words them.
const signedOutNotice = "You are signed out. Sign in to continue.";
const wrongPasswordMessage = "E-mail or password is incorrect.";

test("a manager signs in with a password, sees their name in the header and signs out from the user menu", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await expect(page.getByRole("heading", { name: "Sign in to Atelier" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/sign-in-page.png", fullPage: true });

  await signInAsDemoUser(page, "manager@demo.test");
  await expect(page).toHaveURL("/");
  const userMenu = userMenuButton(page);
  await expect(userMenu).toContainText("Mathieu Manager");

  await userMenu.click();
  await expect(page.getByText("manager@demo.test", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/signin?reason=signed_out");
  await expect(page.getByRole("main").getByRole("status")).toHaveText(signedOutNotice);

  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F$/);
  await expect(page.getByLabel("E-mail")).toBeVisible();
});

test("a wrong password is refused with an error, and the e-mail stays typed in", async ({ page }) => {
  await page.goto("/signin");
  await submitPasswordSignIn(page, "manager@demo.test", `${demoPassword()}-wrong`);

  await expect(page.getByRole("main").getByRole("alert")).toHaveText(wrongPasswordMessage);
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByLabel("E-mail")).toHaveValue("manager@demo.test");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await page.screenshot({ path: "test-results/screenshots/sign-in-wrong-password.png", fullPage: true });

  // Still signed out: the workspace sends the visitor back to the sign-in page.
  await page.goto("/parts");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fparts$/);
});

test("an unauthenticated visit to /parts goes through the sign-in page and comes back to /parts", async ({ page }) => {
  await page.goto("/parts");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fparts$/);

  await signInAsDemoUser(page, "manager@demo.test");
  await expect(page).toHaveURL("/parts");
  await expect(page.getByRole("heading", { level: 1, name: "Parts" })).toBeVisible();
  await expect(userMenuButton(page)).toContainText("Mathieu Manager");
});

test("the sign-in page sends users back only to paths of this site", async ({ page }) => {
  // Signing in through a crafted link ends on the app's home page, not elsewhere.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://example.com/")}`);
  await signInAsDemoUser(page, "manager@demo.test");
  await expect(page).toHaveURL("/");

  // A signed-in visit to the sign-in page redirects to the callback: never to another host, however disguised
  // (browsers drop tabs and line breaks from a Location, so "/\t/example.com" means "//example.com").
  for (const callbackUrl of ["//example.com", "/\\example.com", "/\t/example.com", "/\n/example.com", "https://example.com"]) {
    const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(response.status(), JSON.stringify(callbackUrl)).toBe(307);
    expect(response.headers().location, JSON.stringify(callbackUrl)).toBe("/");
  }
  const sameSite = await page.request.get(`/signin?callbackUrl=${encodeURIComponent("/parts?page=2")}`, { maxRedirects: 0 });
  expect(sameSite.headers().location).toBe("/parts?page=2");
});
