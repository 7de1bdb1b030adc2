import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { fail, ok, type Result } from "@/lib/result";
import { hashPassword, verifyPassword } from "./password";
import { checkSignInThrottle, clearAccountThrottle, recordSignInFailure } from "./sign-in-throttle";
import { openUsageSession } from "./usage-sessions";

export interface PasswordSignInInput {
  email: string;
  password: string;
  clientAddress: string;
  userAgent: string | null;
}

export interface SignedIn {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  usageSessionId: string;
}

// Unknown accounts still pay for one hash, so response times don't tell which e-mails exist.
let decoyHash: Promise<string> | undefined;

/** The same answer for an unknown e-mail, a wrong password and an account without one: it tells nothing. */
export const invalidCredentialsMessage = "auth.errors.invalidCredentials";

function tooManyAttempts(retryAfterSeconds: number) {
  return fail("rate_limited", "auth.errors.tooManyAttempts", undefined, { minutes: Math.ceil(retryAfterSeconds / 60) });
}

/**
 * Signs a user in with their password: throttle first (hashing is the expensive part), then verify, then
 * open a usage session. Only active, password-method, non-service accounts can succeed.
 */
export async function signInWithPassword(db: Database, input: PasswordSignInInput): Promise<Result<SignedIn>> {
  const email = input.email.trim().toLowerCase();
  const verdict = await checkSignInThrottle(db, email, input.clientAddress);
  if (!verdict.allowed) return tooManyAttempts(verdict.retryAfterSeconds);

  // The attempt is counted before the hash is checked, so parallel guesses cannot outrun the limit.
  const reserved = await recordSignInFailure(db, email, input.clientAddress);
  if (!reserved.allowed) return tooManyAttempts(reserved.retryAfterSeconds);

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email));
  const canUsePassword = user && user.kind !== "service" && user.signInMethod === "password" && user.passwordHash;
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const passwordMatches = await verifyPassword(canUsePassword ? user.passwordHash! : await decoyHash, input.password);

  if (!user || !canUsePassword || !passwordMatches) {
    if (user) {
      await recordAudit(db, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: "sign_in.failed",
        targetType: "user",
        targetId: user.id,
        after: { method: "password", reason: canUsePassword ? "wrong_password" : "not_a_password_account" },
        clientAddress: input.clientAddress,
      });
    }
    return fail("unauthenticated", invalidCredentialsMessage);
  }
  if (!user.active) {
    await recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "sign_in.failed",
      targetType: "user",
      targetId: user.id,
      after: { method: "password", reason: "deactivated" },
      clientAddress: input.clientAddress,
    });
    return fail("forbidden", "auth.errors.deactivated");
  }

  await clearAccountThrottle(db, email, input.clientAddress);
  const usageSessionId = await openUsageSession(db, {
    organizationId: user.organizationId,
    userId: user.id,
    method: "password",
    clientAddress: input.clientAddress,
    userAgent: input.userAgent,
  });
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorId: user.id,
    action: "sign_in.succeeded",
    targetType: "user",
    targetId: user.id,
    after: { method: "password", usageSessionId },
    clientAddress: input.clientAddress,
  });
  return ok({ userId: user.id, organizationId: user.organizationId, email: user.email, name: user.name, usageSessionId });
}
