import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectJson, signInSession } from "./support/api-session";
import { pgliteAppUrl } from "./support/e2e-env";
import { userMenuButton } from "./support/user-menu";
import { startSmtpServer, type RunningSmtpServer } from "./support/smtp-server";
import { submitPasswordSignIn } from "./sign-in";

// The "pglite" app mails through SMTP_URL (playwright.config.ts) to the real SMTP server started here. The spec
// resets the password of a Viewer the Admin makes for it, so the demo accounts keep theirs for the other specs.
// Messages as lib/auth/password-reset.ts (invalidResetLinkMessage), lib/auth/password-sign-in.ts and
// app/(auth)/signin/page.tsx word them.
const email = `reset-${randomBytes(4).toString("hex")}@demo.test`;
const userName = "Valérie Réinitialise";
const initialPassword = `initial passphrase ${randomBytes(6).toString("hex")}`;
const invalidLinkMessage = "This reset link is invalid or has expired. Ask for a new one.";
const wrongPasswordMessage = "E-mail or password is incorrect.";
const passwordChangedNotice = "Your password was changed. Sign in with the new one.";
const sessionsEndedNotice = "Your password was reset, which ended your other sessions. Sign in with the new password.";

let smtp: RunningSmtpServer;

test.beforeAll(async () => {
  smtp = await startSmtpServer();
});

test.afterAll(async () => {
  await smtp?.close();
});

async function chooseNewPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
}

test("a password reset mailed from the sign-in page sets a new password, once", async ({ page, context, browser, baseURL }) => {
  const newPassword = `viewer passphrase ${randomBytes(6).toString("hex")}`;
  const admin = await signInSession(browser, baseURL!, "admin@demo.test");
  await expectJson(
    await admin.request.post("/api/v1/users", {
      data: { email, name: userName, role: "viewer", signInMethod: "password", password: initialPassword, siteIds: [], properties: {} },
    }),
    201,
  );
  await admin.close();

  // Signed in elsewhere (another browser) with the old password: the reset must end that session.
  const elsewhere = await browser.newPage();
  await elsewhere.goto("/account/sessions");
  await submitPasswordSignIn(elsewhere, email, initialPassword);
  await expect(elsewhere).toHaveURL("/account/sessions");

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("If an account with this e-mail exists");

  const mail = await smtp.waitForMail(email);
  expect(mail.subject).toBe("Reset your Atelier password");
  expect(mail.text).toContain(userName);
  const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link, `no reset link in:\n${mail.text}`).toBeDefined();
  expect(new URL(link!).origin).toBe(pgliteAppUrl);

  // Opened twice before use (a second tab, or a mail client's preview): only the first save may count.
  const otherTab = await context.newPage();
  await otherTab.goto(link!);
  await expect(otherTab.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(email);
  await chooseNewPassword(page, newPassword);
  await expect(page).toHaveURL("/signin?reset=done");
  await expect(page.getByRole("main").getByRole("status")).toHaveText(passwordChangedNotice);

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/signin\?.*reason=password_reset/);
  await expect(elsewhere.getByRole("main").getByRole("status")).toHaveText(sessionsEndedNotice);
  await elsewhere.context().close();

  // The link is used up: submitting the other tab's form, or opening the link again, is refused.
  await chooseNewPassword(otherTab, `${newPassword} again`);
  await expect(otherTab.getByRole("main").getByRole("alert")).toHaveText(invalidLinkMessage);
  await otherTab.close();
  await page.goto(link!);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(invalidLinkMessage);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/password-reset-link-used.png", fullPage: true });

  // The old password no longer works; the new one does.
  await page.goto("/signin");
  await submitPasswordSignIn(page, email, initialPassword);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(wrongPasswordMessage);
  await submitPasswordSignIn(page, email, newPassword);
  await expect(page).toHaveURL("/");
  await expect(userMenuButton(page)).toContainText(userName);
});
