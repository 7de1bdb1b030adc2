import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionState } from "@/lib/auth/acting-user";
import { localeCookieName, pickLocale } from "./locales";
import { catalogues } from "./messages";

// next-intl's per-request configuration (no locale in URLs): the language is the user's choice in their menu, else
// a signed-out visitor's cookie, else the browser's Accept-Language, else English; dates are shown in the
// organisation's time zone.
export default getRequestConfig(async () => {
  const [state, cookieStore, requestHeaders] = await Promise.all([getSessionState(), cookies(), headers()]);
  const user = state.status === "signed_in" ? state.user : null;
  const locale = pickLocale({
    profile: user?.locale ?? null,
    cookie: cookieStore.get(localeCookieName)?.value,
    acceptLanguage: requestHeaders.get("accept-language"),
  });
  return { locale, messages: catalogues[locale], timeZone: user?.timeZone ?? "UTC" };
});
