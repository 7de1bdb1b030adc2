import { expect, test } from "@playwright/test";
import { runAppScript } from "./support/run-script";
import { submitPasswordSignIn } from "./sign-in";
import { demoPassword } from "../../db/seed/demo-accounts";
import { userMenuButton } from "./support/user-menu";

// SPEC §1: deactivation revokes access at once, on every instance. The "postgres" app runs; another process
// deactivates the user through the service the admin panel calls, against the same database; the running app must
// refuse that user's very next page load, server action and API call. Messages as the English catalogue
// (lib/i18n/messages/en/auth.json: sessionEnded.deactivated, errors.deactivated) words them.
const deactivatedMessage = "Your account has been deactivated. Ask your Atelier administrator if you need access again.";
const deactivatedSignInMessage = "This account is deactivated. Ask your Atelier administrator if you need access again.";
const email = "manager@demo.test";

test.afterAll(async () => {
  // Leave the account as the demo has it, through the operator's support path.
  const reactivated = await runAppScript("scripts/ops.ts", ["reactivate-user", email]);
  if (reactivated.code !== 0 && !reactivated.stderr.includes("already active")) {
    throw new Error(`Reactivating ${email} failed:\n${reactivated.stdout}${reactivated.stderr}`);
  }
});

test("a user deactivated from another process is refused on the next server action, API call and page load", async ({ page }) => {
  await page.goto("/");
  await submitPasswordSignIn(page, email, demoPassword());
  await expect(page).toHaveURL("/");
  await expect(userMenuButton(page)).toContainText("Mathieu Manager");

  const before = await page.request.get("/api/v1/me");
  expect(before.status()).toBe(200);
  expect(await before.json()).toMatchObject({ email, role: "manager", active: true });

  await page.goto("/account/sessions");
  await expect(page.getByRole("heading", { name: "My sessions" })).toBeVisible();
  const endOthers = page.getByRole("button", { name: "Sign out my other sessions" });
  await expect(endOthers).toBeEnabled();

  const deactivation = await runAppScript("tests/e2e/support/deactivate-user.ts", [email]);
  expect(deactivation.code, `deactivate-user.ts failed:\n${deactivation.stdout}${deactivation.stderr}`).toBe(0);
  const outcome = JSON.parse(deactivation.stdout.trim().split("\n").at(-1) ?? "null") as {
    ok: boolean;
    data: { endedSessions: number; reassignedObjects: number };
  };
  expect(outcome.ok).toBe(true);
  expect(outcome.data.endedSessions).toBeGreaterThanOrEqual(1);

  // (a) A gated server action, from the page loaded before the deactivation.
  await endOthers.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(deactivatedMessage);
  await page.screenshot({ path: "test-results/screenshots/deactivated-server-action.png", fullPage: true });

  // (b) The API, with the same session cookie.
  const after = await page.request.get("/api/v1/me");
  expect(after.status()).toBe(401);
  expect(await after.json()).toEqual({ error: { code: "unauthenticated", message: deactivatedMessage } });

  // (c) The next page load ends on the sign-in page, which says why.
  await page.reload();
  await expect(page).toHaveURL(/\/signin\?.*reason=deactivated/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(deactivatedMessage);
  await page.screenshot({ path: "test-results/screenshots/deactivated-notice.png", fullPage: true });

  // And signing in again is refused.
  await submitPasswordSignIn(page, email, demoPassword());
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(deactivatedSignInMessage);
  await expect(page).toHaveURL(/\/signin/);
});
