import { expect, type Page } from "@playwright/test";
import { demoPassword } from "../../db/seed/demo-accounts";

/** Signs in with the demo password through the sign-in form, starting from any page that redirected there. */
export async function signInAsDemoUser(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin(\?|$)/);
}
