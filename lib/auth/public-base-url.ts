/**
 * The origin that links in e-mails point to, and that the start banner prints: AUTH_URL when set (production must
 * set it), else the local address the server listens on. Never a request header: a forged `Host` would otherwise
 * send a victim's password reset link to the attacker's site.
 */
export function publicBaseUrl(): string {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // An unusable AUTH_URL also breaks Auth.js, which says so loudly; fall back to the local address.
    }
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
