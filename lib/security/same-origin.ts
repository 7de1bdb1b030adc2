/**
 * Whether a cookie-authenticated write comes from Atelier's own pages (the CSRF defence of /api/v1 and of server
 * actions). The request's `Origin` must be the public URL's origin (AUTH_URL) or, without one, name the host the
 * request was sent to; a browser that sends no `Origin` must say `Sec-Fetch-Site: same-origin`. Another port or
 * subdomain of the same site is another origin: it is refused too.
 */
export function isSameOriginRequest(headers: Headers, publicUrl: string | undefined): boolean {
  const origin = headers.get("origin");
  if (!origin) return headers.get("sec-fetch-site") === "same-origin";
  let sender: URL;
  try {
    sender = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, some redirects) or garbage.
  }
  const configured = publicUrl?.trim();
  if (configured) {
    try {
      return sender.origin === new URL(configured).origin;
    } catch {
      return false;
    }
  }
  // Host is the address the browser used (scripts/server.mjs drops forwarded hosts unless a proxy is trusted).
  return sender.host === headers.get("host");
}

/** The methods that change something: the ones a cross-site page must not be able to send with the victim's cookie. */
export function isWriteMethod(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
