import "server-only";
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/secrets/auth-secret";

/** Auth.js names its session cookie after the protocol: `__Secure-` under https. The name is also the key's salt. */
const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionTokenClaims {
  userId: string;
  usageSessionId: string;
}

type CookieReader = (name: string) => string | undefined;

/** The cookie's value, joined again when Auth.js split a large token into `name.0`, `name.1`… */
function cookieValue(read: CookieReader, name: string): string | undefined {
  const whole = read(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; ; index++) {
    const chunk = read(`${name}.${index}`);
    if (chunk === undefined) break;
    chunks.push(chunk);
  }
  return chunks.length > 0 ? chunks.join("") : undefined;
}

/**
 * The (user, usage session) a request's session cookie names, decrypted and checked (signature, expiry) the way
 * Auth.js does — without Auth.js's session endpoint, which would also re-encrypt the token and set the cookie again on
 * every request. Sliding expiry is the usage session's job here (idle and absolute limits, lib/auth/acting-user.ts).
 */
export async function readSessionToken(read: CookieReader): Promise<SessionTokenClaims | null> {
  for (const name of sessionCookieNames) {
    const value = cookieValue(read, name);
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret: authSecret(), salt: name });
      return token?.sub && typeof token.sid === "string" ? { userId: token.sub, usageSessionId: token.sid } : null;
    } catch {
      return null; // Tampered, expired, or sealed under another secret: no session.
    }
  }
  return null;
}
