import { expect, type Locator, type Page } from "@playwright/test";

/** The header's account menu button (its accessible name says whose menu it is, in either language). */
export function userMenuButton(page: Page): Locator {
  return page.getByRole("banner").getByRole("button", { name: /^(Account menu of|Menu du compte de) / });
}

const languageNames = { en: "English", fr: "Français" } as const;

/**
 * Picks the language in the user menu, which saves it in the user's profile: it then wins over the browser's
 * Accept-Language in every later spec. Specs that pick French pick English again before they end.
 */
export async function chooseLanguage(page: Page, locale: keyof typeof languageNames): Promise<void> {
  await userMenuButton(page).click();
  await page.getByRole("button", { name: languageNames[locale] }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}
