/** Set by proxy.ts on every request, so a page can send the user back to it after sign-in. */
export const requestPathHeader = "x-atelier-path";

/** Only same-site paths are valid places to come back to after sign-in (never `//host` or a full URL). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
