import { CredentialsSignin, type AuthError } from "next-auth";
import type { AppError } from "@/lib/result";
import { invalidCredentialsMessage } from "./password-sign-in";

/**
 * Carries a refusal of the password form through Auth.js, which hands this very error back to the sign-in action:
 * the code travels in a URL (it says nothing sensitive), the refusal keeps its catalogue key and parameters so the
 * action can word it in the visitor's language.
 */
export class PasswordSignInRefused extends CredentialsSignin {
  readonly refusal: AppError;

  constructor(refusal: AppError) {
    super(refusal.message);
    this.code = refusal.code;
    this.refusal = refusal;
  }
}

/**
 * What the sign-in form says for an Auth.js error. A wrong pair points to single sign-on only when the page shows
 * an SSO button to use instead: without one, the hint would send people looking for a button that is not there.
 */
export function passwordSignInRefusal(error: AuthError, ssoShown: boolean): AppError {
  if (!(error instanceof PasswordSignInRefused)) return { code: "unauthenticated", message: "auth.errors.signInFailed" };
  const { refusal } = error;
  return ssoShown && refusal.message === invalidCredentialsMessage ? { ...refusal, message: "auth.errors.invalidCredentialsUseSso" } : refusal;
}
