import type { SignInMethod, UserKind } from "@/db/schema/enums";

/** How an account signs in, in words: service accounts (integrations) never sign in. */
export function signInLabel(user: { kind: UserKind; signInMethod: SignInMethod }): string {
  if (user.kind === "service") return "None (integration)";
  return user.signInMethod === "sso" ? "Single sign-on" : "Password";
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An instant for the admin tables, in UTC (said so), or a dash. */
export function formatInstant(value: string | Date | null): string {
  return value === null ? "—" : `${when.format(new Date(value))} UTC`;
}
