import type { Locator, Page } from "@playwright/test";

/** The header's account menu button (its accessible name says whose menu it is, in either language). */
export function userMenuButton(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: /^(Account menu of|Menu du compte de) / });
}
