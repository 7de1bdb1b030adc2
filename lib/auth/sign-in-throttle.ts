import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { env } from "@/lib/env";

/**
 * Failed sign-ins are counted per (account, client address) and per client address, in fixed windows stored in
 * the database (so every instance shares them). Per-account counting is tied to the address on purpose: an
 * attacker elsewhere can exhaust only their own budget, never lock the real user out.
 */
export function throttlePolicy() {
  return {
    accountMaxFailures: env().THROTTLE_ACCOUNT_MAX_FAILURES,
    addressMaxFailures: env().THROTTLE_ADDRESS_MAX_FAILURES,
    windowSeconds: env().THROTTLE_WINDOW_SECONDS,
  };
}

function keysFor(email: string, clientAddress: string) {
  const address = clientAddress || "unknown";
  return { account: `acct:${email.trim().toLowerCase()}|ip:${address}`, address: `ip:${address}` };
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether a sign-in attempt may go on to the (expensive) password check. */
export async function checkSignInThrottle(db: Executor, email: string, clientAddress: string, now = new Date()): Promise<ThrottleVerdict> {
  const policy = throttlePolicy();
  const keys = keysFor(email, clientAddress);
  const rows = await db
    .select()
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, [keys.account, keys.address]));
  let retryAfterSeconds = 0;
  for (const row of rows) {
    const max = row.key === keys.account ? policy.accountMaxFailures : policy.addressMaxFailures;
    const windowEnds = row.windowStartedAt.getTime() + policy.windowSeconds * 1000;
    if (row.failures >= max && windowEnds > now.getTime()) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((windowEnds - now.getTime()) / 1000));
    }
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/**
 * Counts one attempt as a failure against both keys, starting a new window where the old one has run out, and
 * answers whether the attempt is within the limits. Counting before the password check, in one statement, is what
 * keeps parallel guesses from slipping past the limit; a success then gives its count back.
 */
export async function recordSignInFailure(db: Executor, email: string, clientAddress: string, now = new Date()): Promise<ThrottleVerdict> {
  const policy = throttlePolicy();
  const keys = keysFor(email, clientAddress);
  // Raw SQL parameters travel as ISO strings: both drivers agree on those.
  const windowStart = sql`${new Date(now.getTime() - policy.windowSeconds * 1000).toISOString()}::timestamptz`;
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .insert(signInThrottles)
    .values([keys.account, keys.address].map((key) => ({ key, failures: 1, windowStartedAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${signInThrottles.windowStartedAt} <= ${windowStart} then 1 else ${signInThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${signInThrottles.windowStartedAt} <= ${windowStart} then ${nowParam} else ${signInThrottles.windowStartedAt} end`,
        updatedAt: now,
      },
    })
    .returning();
  let retryAfterSeconds = 0;
  for (const row of rows) {
    const max = row.key === keys.account ? policy.accountMaxFailures : policy.addressMaxFailures;
    if (row.failures > max) {
      const windowEnds = row.windowStartedAt.getTime() + policy.windowSeconds * 1000;
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((windowEnds - now.getTime()) / 1000));
    }
  }
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/**
 * A successful sign-in clears its (account, address) counter and gives back the attempt it counted on the address;
 * the address's earlier failures keep counting.
 */
export async function clearAccountThrottle(db: Executor, email: string, clientAddress: string): Promise<void> {
  const keys = keysFor(email, clientAddress);
  await db.delete(signInThrottles).where(eq(signInThrottles.key, keys.account));
  await db
    .update(signInThrottles)
    .set({ failures: sql`greatest(${signInThrottles.failures} - 1, 0)` })
    .where(eq(signInThrottles.key, keys.address));
}
