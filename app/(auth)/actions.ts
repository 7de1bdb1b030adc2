"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { passwordSignInRefusal } from "@/lib/auth/password-sign-in-refused";
import { safeCallbackPath } from "@/lib/auth/request-path";
import { listSsoProviders } from "@/lib/auth/sso-providers";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";
import { renderAppError } from "@/lib/i18n/render-error";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { AppError } from "@/lib/result";

// Sign-in and sign-out are the gate's named exemptions: they run before (or after) there is an acting user.

export interface PasswordSignInState {
  email: string;
  /** In the visitor's language; `fields` when an input is missing. */
  error: AppError | null;
}

async function refusalFor(error: AuthError): Promise<AppError> {
  const ssoShown = (await listSsoProviders()).length > 0;
  return renderAppError(await requestLocale(), passwordSignInRefusal(error, ssoShown));
}

function missingInputs(email: string, password: string): AppError | null {
  const fields: Record<string, string> = {};
  if (!email) fields.email = "auth.errors.emailMissing";
  if (!password) fields.password = "auth.errors.passwordMissing";
  return Object.keys(fields).length > 0 ? { code: "invalid", message: "errors.fieldsNeedAttention", fields } : null;
}

export async function signInWithPasswordAction(_previous: PasswordSignInState | null, formData: FormData): Promise<PasswordSignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const missing = missingInputs(email, password);
  if (missing) return { email, error: renderAppError(await requestLocale(), missing) };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { email, error: await refusalFor(error) };
    throw error; // Next's redirect on success travels as an exception.
  }
  return { email, error: null };
}

export async function signInWithSsoAction(formData: FormData): Promise<void> {
  const providerId = String(formData.get("providerId") ?? "");
  const providers = await listSsoProviders();
  if (!providers.some((provider) => provider.id === providerId)) return;
  await signIn(providerId, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}

/** The language of the signed-out pages, for this browser (a signed-in user's choice lives in their profile). */
export async function chooseSignedOutLanguageAction(input: { locale: unknown }): Promise<void> {
  if (isLocale(input?.locale)) await rememberLocale(input.locale);
}

// Auth.js's signOut event ends the usage session (lib/auth/end-signed-out-session.ts), whichever way out was taken.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?reason=signed_out" });
}
