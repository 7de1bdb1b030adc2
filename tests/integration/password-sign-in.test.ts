import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, signInThrottles, usageSessions } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { checkSignInThrottle, throttlePolicy } from "@/lib/auth/sign-in-throttle";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";
import { createTestUser, testPassword, uniqueAddress, type TestUser } from "../fixtures/users";

const deactivatedMessage = "This account is deactivated. Ask your Atelier administrator if you need access again.";
const invalidCredentialsMessage = "E-mail or password is incorrect.";

describe("signInWithPassword", () => {
  let db: Database;
  let organizationId: string;
  const policy = throttlePolicy();

  beforeAll(async () => {
    db = await getDb();
    organizationId = (await createTestOrganization(db, "Password sign-in")).id;
  });

  /** The answer in English words, as the sign-in form shows it to an English-speaking visitor. */
  async function signIn(email: string, password: string, clientAddress = uniqueAddress()) {
    return inEnglish(await signInWithPassword(db, { email, password, clientAddress, userAgent: "vitest" }));
  }

  async function sessionsOf(user: TestUser) {
    return db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
  }

  async function auditOf(user: TestUser) {
    return db
      .select({ action: auditLog.action, actorId: auditLog.actorId, after: auditLog.after, clientAddress: auditLog.clientAddress })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.targetId, user.id)))
      .orderBy(auditLog.id);
  }

  async function accountFailures(email: string, address: string): Promise<number | undefined> {
    const [row] = await db
      .select({ failures: signInThrottles.failures })
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `acct:${email.toLowerCase()}|ip:${address}`));
    return row?.failures;
  }

  it("opens a password usage session for the right password and audits the success", async () => {
    const user = await createTestUser(db, organizationId, { name: "Pat Password" });
    const address = uniqueAddress();

    const signedIn = dataOf(await signIn(user.email, testPassword, address));

    expect(signedIn).toEqual({
      userId: user.id,
      organizationId,
      email: user.email,
      name: "Pat Password",
      usageSessionId: expect.any(String),
    });
    expect(await sessionsOf(user)).toMatchObject([
      { id: signedIn.usageSessionId, organizationId, method: "password", clientAddress: address, userAgent: "vitest", endedAt: null },
    ]);
    expect(await auditOf(user)).toEqual([
      {
        action: "sign_in.succeeded",
        actorId: user.id,
        after: { method: "password", usageSessionId: signedIn.usageSessionId },
        clientAddress: address,
      },
    ]);
  });

  it("refuses a wrong password with the generic message, counts the failure and audits it", async () => {
    const user = await createTestUser(db, organizationId);
    const address = uniqueAddress();

    const result = await signIn(user.email, "not the right passphrase", address);

    expect(result).toEqual({ ok: false, error: { code: "unauthenticated", message: invalidCredentialsMessage } });
    expect(await sessionsOf(user)).toEqual([]);
    expect(await accountFailures(user.email, address)).toBe(1);
    expect(await auditOf(user)).toEqual([
      { action: "sign_in.failed", actorId: user.id, after: { method: "password", reason: "wrong_password" }, clientAddress: address },
    ]);
  });

  it("answers an unknown e-mail with the same message, counts the failure and audits nothing", async () => {
    const email = uniqueEmail("nobody");
    const address = uniqueAddress();

    const result = await signIn(email, testPassword, address);

    expect(result).toEqual({ ok: false, error: { code: "unauthenticated", message: invalidCredentialsMessage } });
    expect(await accountFailures(email, address)).toBe(1);
    const entries = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.clientAddress, address));
    expect(entries).toEqual([]);
  });

  it("refuses a deactivated account with the right password as forbidden, and a wrong one as unknown", async () => {
    const user = await createTestUser(db, organizationId, { active: false });
    const address = uniqueAddress();

    expect(await signIn(user.email, testPassword, address)).toEqual({
      ok: false,
      error: { code: "forbidden", message: deactivatedMessage },
    });
    // Without the right password nothing tells that the account exists or is deactivated.
    expect(await signIn(user.email, "not the right passphrase", address)).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: invalidCredentialsMessage },
    });
    expect(await sessionsOf(user)).toEqual([]);
    expect((await auditOf(user)).map((entry) => entry.after)).toEqual([
      { method: "password", reason: "deactivated" },
      { method: "password", reason: "wrong_password" },
    ]);
  });

  it("refuses a single sign-on account even with a password hash on file", async () => {
    // E.g. an account switched from password to SSO: the old hash must not open it.
    const user = await createTestUser(db, organizationId, { signInMethod: "sso", password: testPassword });
    const address = uniqueAddress();

    expect(await signIn(user.email, testPassword, address)).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: invalidCredentialsMessage },
    });
    expect(await sessionsOf(user)).toEqual([]);
    expect(await accountFailures(user.email, address)).toBe(1);
    expect(await auditOf(user)).toMatchObject([
      { action: "sign_in.failed", after: { method: "password", reason: "not_a_password_account" } },
    ]);
  });

  it("refuses a service account even with the right password", async () => {
    const user = await createTestUser(db, organizationId, { kind: "service", role: "admin" });

    expect(await signIn(user.email, testPassword)).toEqual({
      ok: false,
      error: { code: "unauthenticated", message: invalidCredentialsMessage },
    });
    expect(await sessionsOf(user)).toEqual([]);
    expect(await auditOf(user)).toMatchObject([{ action: "sign_in.failed", after: { reason: "not_a_password_account" } }]);
  });

  it("refuses the attempt after the limit without looking at the password, and says when to retry", async () => {
    const user = await createTestUser(db, organizationId);
    const address = uniqueAddress();
    for (let i = 0; i < policy.accountMaxFailures; i++) {
      expect(await signIn(user.email, `wrong passphrase number ${i}`, address)).toMatchObject({
        ok: false,
        error: { code: "unauthenticated" },
      });
    }
    const auditedBefore = (await auditOf(user)).length;

    // Even the right password is refused: the throttle answers before any password check.
    const refused = await signIn(user.email, testPassword, address);

    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    const message = refused.ok ? "" : refused.error.message;
    const minutes = Number(/^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/.exec(message)?.[1]);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(Math.ceil(policy.windowSeconds / 60));
    // Nothing was opened, counted or audited for the refused attempt.
    expect(await sessionsOf(user)).toEqual([]);
    expect(await accountFailures(user.email, address)).toBe(policy.accountMaxFailures);
    expect(await auditOf(user)).toHaveLength(auditedBefore);

    // The same account from another address still gets in.
    dataOf(await signIn(user.email, testPassword, uniqueAddress()));
  });

  it("lets no more guesses through than the limit, even when they arrive all at once", async () => {
    const user = await createTestUser(db, organizationId);
    const address = uniqueAddress();
    const attempts = policy.accountMaxFailures * 3;
    const results = await Promise.all(
      Array.from({ length: attempts }, (_, i) => signIn(user.email, `parallel wrong guess ${i}`, address)),
    );
    const checked = results.filter((result) => !result.ok && result.error.code === "unauthenticated").length;
    expect(checked).toBeLessThanOrEqual(policy.accountMaxFailures);
    expect(results.filter((result) => !result.ok && result.error.code === "rate_limited")).toHaveLength(attempts - checked);
  });

  it("clears the account's failures on success", async () => {
    const user = await createTestUser(db, organizationId);
    const address = uniqueAddress();
    for (let i = 0; i < policy.accountMaxFailures - 1; i++) await signIn(user.email, "a wrong passphrase here", address);

    dataOf(await signIn(user.email, testPassword, address));

    expect(await accountFailures(user.email, address)).toBeUndefined();
    await signIn(user.email, "a wrong passphrase here", address);
    expect(await checkSignInThrottle(db, user.email, address)).toEqual({ allowed: true });
  });

  it("matches the e-mail whatever its case and surrounding spaces", async () => {
    const email = `Mixed.Case-${randomUUID()}@Example.TEST`;
    const user = await createTestUser(db, organizationId, { email });

    for (const typed of [email.toLowerCase(), email.toUpperCase(), `  ${email}  `]) {
      expect(dataOf(await signIn(typed, testPassword))).toMatchObject({ userId: user.id, email });
    }
    expect(await sessionsOf(user)).toHaveLength(3);
  });

  it("counts failures under one account whatever case the e-mail is typed in", async () => {
    const user = await createTestUser(db, organizationId);
    const address = uniqueAddress();
    for (let i = 0; i < policy.accountMaxFailures; i++) {
      await signIn(i % 2 === 0 ? user.email.toUpperCase() : user.email, "a wrong passphrase here", address);
    }
    expect(await signIn(user.email, testPassword, address)).toMatchObject({ ok: false, error: { code: "rate_limited" } });
  });
});
