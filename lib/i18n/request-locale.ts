import "server-only";
import { getLocale } from "next-intl/server";
import { cookieHeaderReader } from "@/lib/http/cookie-header";
import { isLocale, localeCookieName, pickLocale, defaultLocale, type Locale } from "./locales";

/** The language of the current render or server action, as lib/i18n/request.ts chose it. */
export async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}

/** The same choice made from a route handler's own request: the caller's profile, the cookie, Accept-Language. */
export function localeOfRequest(headers: Headers, profile: Locale | null): Locale {
  const cookie = cookieHeaderReader(headers.get("cookie"))(localeCookieName);
  return pickLocale({ profile, cookie, acceptLanguage: headers.get("accept-language") });
}
