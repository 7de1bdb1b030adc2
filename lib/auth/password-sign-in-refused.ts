import { CredentialsSignin } from "next-auth";
import type { AppError } from "@/lib/result";

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
