"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/request-path";
import { listSsoProviders } from "@/lib/auth/sso-providers";
import { rememberLocale } from "@/lib/i18n/locale-cookie";
import { isLocale } from "@/lib/i18n/locales";

// Sign-in and sign-out are the gate's named exemptions: they run before (or after) there is an acting user.

export interface PasswordSignInState {
  email: string;
  error: string | null;
}

function messageFor(error: AuthError): string {
  if (error instanceof CredentialsSignin && error.message && !error.message.startsWith("Read more")) {
    return error.message.split(". Read more at")[0] ?? "Sign-in failed.";
  }
  return "Sign-in failed. Try again in a moment.";
}

export async function signInWithPasswordAction(_previous: PasswordSignInState | null, formData: FormData): Promise<PasswordSignInState> {
  const email = String(formData.get("email") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!email || !password) return { email, error: "Enter your e-mail and password." };
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { email, error: messageFor(error) };
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

// Auth.js's signOut event ends the usage session (lib/auth/end-signed-out-session.ts), whichever way out was taken.
/** The language of the signed-out pages, for this browser (a signed-in user's choice lives in their profile). */
export async function chooseSignedOutLanguageAction(input: { locale: unknown }): Promise<void> {
  if (isLocale(input?.locale)) await rememberLocale(input.locale);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin?reason=signed_out" });
}
