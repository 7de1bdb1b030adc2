import { AuthError } from "next-auth";
import { describe, expect, it } from "vitest";
import { PasswordSignInRefused, passwordSignInRefusal } from "@/lib/auth/password-sign-in-refused";
import { renderAppError } from "@/lib/i18n/render-error";
import type { Locale } from "@/lib/i18n/locales";

/** What the sign-in form shows for a refusal that came back through Auth.js. */
function shown(error: AuthError, ssoShown: boolean, locale: Locale = "en"): string {
  return renderAppError(locale, passwordSignInRefusal(error, ssoShown)).message;
}

const wrongPair = () => new PasswordSignInRefused({ code: "unauthenticated", message: "auth.errors.invalidCredentials" });

describe("the sign-in form's refusal", () => {
  it("points to single sign-on only when the page shows an SSO button", () => {
    expect(shown(wrongPair(), false)).toBe("E-mail or password is incorrect.");
    expect(shown(wrongPair(), true)).toBe(
      "E-mail or password is incorrect. If your organisation uses single sign-on, use its button below instead.",
    );
    expect(shown(wrongPair(), false, "fr")).toBe("Adresse e-mail ou mot de passe incorrect.");
  });

  it("keeps the service's message and its values, in the visitor's language", () => {
    const limited = (minutes: number) =>
      new PasswordSignInRefused({ code: "rate_limited", message: "auth.errors.tooManyAttempts", params: { minutes } });
    expect(shown(limited(1), true)).toBe("Too many failed sign-ins. Try again in 1 minute.");
    expect(shown(limited(15), false)).toBe("Too many failed sign-ins. Try again in 15 minutes.");
    expect(shown(limited(15), false, "fr")).toBe("Trop de tentatives de connexion ont échoué. Réessayez dans 15 minutes.");
    const deactivated = new PasswordSignInRefused({ code: "forbidden", message: "auth.errors.deactivated" });
    expect(passwordSignInRefusal(deactivated, true)).toEqual({ code: "forbidden", message: "auth.errors.deactivated" });
  });

  it("says sign-in failed for any other Auth.js error", () => {
    expect(shown(new AuthError("the provider is down"), true)).toBe("Sign-in failed. Try again in a moment.");
  });
});
