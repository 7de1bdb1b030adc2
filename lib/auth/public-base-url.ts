import { env } from "@/lib/env";

/**
 * The origin that links in e-mails point to, and that the start banner prints: AUTH_URL when set (production must
 * set it), else the local address the server listens on. Never a request header: a forged `Host` would otherwise
 * send a victim's password reset link to the attacker's site.
 */
export function publicBaseUrl(): string {
  const { AUTH_URL, PORT } = env();
  return AUTH_URL ? new URL(AUTH_URL).origin : `http://localhost:${PORT}`;
}
