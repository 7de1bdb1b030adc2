import "server-only";
import { cookies } from "next/headers";
import { localeCookieName, type Locale } from "./locales";

/** Keeps the chosen language for the signed-out pages of this browser (the sign-in page after a sign-out). */
export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookieName, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}
