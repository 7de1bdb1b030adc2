import { expect, type Page } from "@playwright/test";
import { demoPassword } from "../../db/seed/demo-accounts";

/** Fills and submits the sign-in page's e-mail and password form, in English or in French. */
export async function submitPasswordSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/^(E-mail|Adresse e-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|Se connecter)$/ }).click();
}

/** Signs in with the demo password through the sign-in form, starting from any page that redirected there. */
export async function signInAsDemoUser(page: Page, email: string): Promise<void> {
  await expect(page).toHaveURL(/\/signin(\?|$)/);
  await submitPasswordSignIn(page, email, demoPassword());
  await expect(page).not.toHaveURL(/\/signin(\?|$)/);
}
