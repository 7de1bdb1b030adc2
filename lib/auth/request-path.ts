/** Set by proxy.ts on every request, so a page can send the user back to it after sign-in. */
export const requestPathHeader = "x-atelier-path";

/**
 * Only same-site paths are valid places to come back to after sign-in (never `//host` or a full URL). Control
 * characters are refused too: browsers drop tabs and line breaks from a Location (`/\t/evil.example` would lead to
 * `//evil.example`), and a line break in a header makes the redirect a server error.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
