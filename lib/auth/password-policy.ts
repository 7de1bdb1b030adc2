import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

export const passwordMinLength = 12;
export const passwordMaxLength = 128;

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  // ~49,000 passwords from real breaches, shipped by zxcvbn-ts; loaded on first use.
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * NIST SP 800-63B style: length 12–128, no composition rules, and not one of the most common passwords.
 * Returns the message to show (a catalogue key: a field message, so its words hold the lengths), or null when the
 * password is acceptable.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < passwordMinLength) return "auth.password.tooShort";
  if (length > passwordMaxLength) return "auth.password.tooLong";
  if (isCommonPassword(password)) return "auth.password.tooCommon";
  return null;
}
