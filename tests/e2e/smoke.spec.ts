import { expect, test } from "@playwright/test";
import { signInAsDemoUser } from "./sign-in";

test("an admin signs in and sees the Atelier header with the main navigation", async ({ page }) => {
  await page.goto("/");
  await signInAsDemoUser(page, "admin@demo.test");
  await expect(page).toHaveURL("/");

  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Atelier", exact: true })).toBeVisible();
  const navigation = header.getByRole("navigation", { name: "Main" });
  for (const section of ["Documents", "Parts", "Products", "Projects", "Manufacturing orders", "Workflows"]) {
    await expect(navigation.getByRole("link", { name: section, exact: true })).toBeVisible();
  }
  await expect(header.getByRole("link", { name: "Analytics" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Admin", exact: true })).toBeVisible();

  await page.screenshot({ path: "test-results/screenshots/smoke-home.png", fullPage: true });
});
