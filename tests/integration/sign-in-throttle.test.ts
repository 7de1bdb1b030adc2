import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import {
  checkSignInThrottle,
  clearAccountThrottle,
  recordSignInFailure,
  throttlePolicy,
} from "@/lib/auth/sign-in-throttle";
import { uniqueEmail } from "../fixtures/organizations";
import { uniqueAddress } from "../fixtures/users";

// The counters are deployment-wide (no organisation yet at sign-in), so every test uses e-mails and addresses of
// its own, and explicit instants instead of the clock.
const t0 = new Date("2031-03-04T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("sign-in throttle", () => {
  let db: Database;
  const policy = throttlePolicy();

  beforeAll(async () => {
    db = await getDb();
    // The address limit tests fill the address counter with one failure per account.
    expect(policy.addressMaxFailures).toBeGreaterThan(policy.accountMaxFailures);
  });

  async function fail(email: string, address: string, times: number, startSeconds = 0): Promise<void> {
    for (let i = 0; i < times; i++) await recordSignInFailure(db, email, address, at(startSeconds + i));
  }

  it("reads its limits from THROTTLE_* or defaults to 5 per account and address, 50 per address, 900 s", () => {
    const expected = (name: string, fallback: number) => {
      const value = Number(process.env[name]);
      return Number.isInteger(value) && value > 0 ? value : fallback;
    };
    expect(policy).toEqual({
      accountMaxFailures: expected("THROTTLE_ACCOUNT_MAX_FAILURES", 5),
      addressMaxFailures: expected("THROTTLE_ADDRESS_MAX_FAILURES", 50),
      windowSeconds: expected("THROTTLE_WINDOW_SECONDS", 900),
    });
  });

  it("refuses an (account, address) pair once it reaches the limit, for the rest of the window", async () => {
    const email = uniqueEmail("throttled");
    const address = uniqueAddress();

    await fail(email, address, policy.accountMaxFailures - 1);
    expect(await checkSignInThrottle(db, email, address, at(policy.accountMaxFailures))).toEqual({ allowed: true });

    await recordSignInFailure(db, email, address, at(policy.accountMaxFailures));
    // The window opened with the first failure, at t0.
    expect(await checkSignInThrottle(db, email, address, at(100))).toEqual({
      allowed: false,
      retryAfterSeconds: policy.windowSeconds - 100,
    });
    expect(await checkSignInThrottle(db, email, address, at(policy.windowSeconds - 1))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it("counts an e-mail the same whatever its case and surrounding spaces", async () => {
    const email = uniqueEmail("cased");
    const address = uniqueAddress();
    for (let i = 0; i < policy.accountMaxFailures; i++) {
      await recordSignInFailure(db, i % 2 === 0 ? email.toUpperCase() : ` ${email} `, address, at(i));
    }
    expect(await checkSignInThrottle(db, email, address, at(60))).toMatchObject({ allowed: false });
    expect(await checkSignInThrottle(db, ` ${email.toUpperCase()}`, address, at(60))).toMatchObject({ allowed: false });
  });

  it("keeps the same e-mail open from another address, so an attacker elsewhere cannot lock the user out", async () => {
    const email = uniqueEmail("victim");
    const attacker = uniqueAddress();
    await fail(email, attacker, policy.accountMaxFailures * 2);

    expect(await checkSignInThrottle(db, email, attacker, at(60))).toMatchObject({ allowed: false });
    expect(await checkSignInThrottle(db, email, uniqueAddress(), at(60))).toEqual({ allowed: true });
    // Other accounts from the attacker's address are not blocked by the per-account counter either.
    expect(await checkSignInThrottle(db, uniqueEmail("bystander"), attacker, at(60))).toEqual({ allowed: true });
  });

  it("blocks every account from an address that reached the address limit, and only that address", async () => {
    const address = uniqueAddress();
    const tried: string[] = [];
    for (let i = 0; i < policy.addressMaxFailures; i++) {
      const email = uniqueEmail("sprayed");
      tried.push(email);
      await recordSignInFailure(db, email, address, at(i));
    }

    const later = policy.addressMaxFailures + 10;
    expect(await checkSignInThrottle(db, uniqueEmail("never-tried"), address, at(later))).toEqual({
      allowed: false,
      retryAfterSeconds: policy.windowSeconds - later,
    });
    // One failure each: no account counter is anywhere near its limit, the address counter alone refuses.
    expect(await checkSignInThrottle(db, tried[0] ?? "", address, at(later))).toMatchObject({ allowed: false });
    expect(await checkSignInThrottle(db, tried[0] ?? "", uniqueAddress(), at(later))).toEqual({ allowed: true });
  });

  it("lifts the block when the window has run out, and counts afresh from there", async () => {
    const email = uniqueEmail("patient");
    const address = uniqueAddress();
    await fail(email, address, policy.accountMaxFailures);
    expect(await checkSignInThrottle(db, email, address, at(policy.windowSeconds - 1))).toMatchObject({ allowed: false });
    expect(await checkSignInThrottle(db, email, address, at(policy.windowSeconds))).toEqual({ allowed: true });

    // A failure after the window starts a new one at 1, not at limit + 1.
    const restart = policy.windowSeconds + 5;
    await recordSignInFailure(db, email, address, at(restart));
    expect(await checkSignInThrottle(db, email, address, at(restart + 1))).toEqual({ allowed: true });
    const rows = await db.select().from(signInThrottles).where(eq(signInThrottles.key, `ip:${address}`));
    expect(rows).toMatchObject([{ failures: 1, windowStartedAt: at(restart) }]);

    await fail(email, address, policy.accountMaxFailures - 1, restart + 1);
    expect(await checkSignInThrottle(db, email, address, at(restart + 100))).toEqual({
      allowed: false,
      retryAfterSeconds: policy.windowSeconds - 100,
    });
  });

  it("clears the (account, address) pair on success, gives back the attempt, and keeps counting the address", async () => {
    const email = uniqueEmail("cleared");
    const address = uniqueAddress();
    await fail(email, address, policy.accountMaxFailures);
    // Others fail from the same address until it is at its limit; the success below gives one attempt back.
    const others = policy.addressMaxFailures - policy.accountMaxFailures;
    for (let i = 0; i < others; i++) await recordSignInFailure(db, uniqueEmail("neighbour"), address, at(10 + i));
    expect(await checkSignInThrottle(db, email, address, at(300))).toMatchObject({ allowed: false });

    await clearAccountThrottle(db, ` ${email.toUpperCase()} `, address);
    expect(await checkSignInThrottle(db, email, address, at(300))).toEqual({ allowed: true });
    const rows = await db
      .select({ key: signInThrottles.key, failures: signInThrottles.failures })
      .from(signInThrottles)
      .where(inArray(signInThrottles.key, [`acct:${email}|ip:${address}`, `ip:${address}`]));
    expect(rows).toEqual([{ key: `ip:${address}`, failures: policy.addressMaxFailures - 1 }]);

    // The next failure from that address, by anyone, reaches the address limit: the cleared account is blocked too.
    await recordSignInFailure(db, uniqueEmail("last-straw"), address, at(301));
    expect(await checkSignInThrottle(db, email, address, at(302))).toEqual({
      allowed: false,
      retryAfterSeconds: policy.windowSeconds - 302,
    });
  });

  it("counts a sign-in without a known address under one shared 'unknown' address", async () => {
    const email = uniqueEmail("no-address");
    await fail(email, "", policy.accountMaxFailures);
    expect(await checkSignInThrottle(db, email, "unknown", at(60))).toMatchObject({ allowed: false });
    await clearAccountThrottle(db, email, "");
    expect(await checkSignInThrottle(db, email, "", at(60))).toEqual({ allowed: true });
  });
});
