/** The languages Atelier speaks; English when nothing else is known. */
export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Remembers a signed-out visitor's choice (the sign-in pages); a signed-in user's choice is in their profile. */
export const localeCookieName = "atelier-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header, by its quality values; null when none fits. */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const quality = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", quality: quality ? Number(quality.slice(2)) : 1, index };
    })
    .filter((entry) => entry.quality > 0 && Number.isFinite(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

/** The profile's choice, else a signed-out visitor's cookie, else the browser's languages, else English. */
export function pickLocale(choice: { profile: Locale | null; cookie: string | undefined; acceptLanguage: string | null }): Locale {
  return choice.profile ?? (isLocale(choice.cookie) ? choice.cookie : null) ?? localeFromAcceptLanguage(choice.acceptLanguage) ?? defaultLocale;
}
