import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, ssoIdentities, usageSessions, users } from "@/db/schema";
import type { SsoProvider } from "@/lib/auth/sso-providers";
import { signInWithSso, type SsoSignInInput } from "@/lib/auth/sso-sign-in";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { createTestUser, type TestUserOptions } from "../fixtures/users";

describe("signInWithSso", () => {
  let db: Database;
  let organizationId: string;
  let otherOrganizationId: string;
  let provider: SsoProvider;
  let otherProvider: SsoProvider;

  beforeAll(async () => {
    db = await getDb();
    organizationId = (await createTestOrganization(db, "SSO sign-in")).id;
    otherOrganizationId = (await createTestOrganization(db, "SSO sign-in elsewhere")).id;
    // (issuer, subject) bindings are unique per deployment: this file's IdP is its own. The other organisation
    // uses the same IdP (a shared issuer such as Google's), configured for itself.
    const issuer = `https://idp-${randomUUID()}.example.test/`;
    provider = {
      id: "sso-test",
      organizationId,
      issuer,
      clientId: "atelier",
      clientSecret: "secret",
      label: "Test IdP",
      claimsSource: "userinfo",
      emailVerifiedClaim: "email_verified",
    };
    otherProvider = { ...provider, id: "sso-other", organizationId: otherOrganizationId };
  });

  function createSsoUser(options: TestUserOptions = {}) {
    return createTestUser(db, organizationId, { signInMethod: "sso", ...options });
  }

  function signIn(input: Partial<SsoSignInInput> & { email: string | null | undefined }) {
    return signInWithSso(db, {
      provider,
      subject: randomUUID(),
      emailVerified: true,
      clientAddress: "198.51.100.7",
      userAgent: "vitest",
      ...input,
    });
  }

  async function bindingsOf(userId: string) {
    return db
      .select({ issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, organizationId: ssoIdentities.organizationId })
      .from(ssoIdentities)
      .where(eq(ssoIdentities.userId, userId));
  }

  async function failures(forOrganizationId = organizationId) {
    const rows = await db
      .select({ actorId: auditLog.actorId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, forOrganizationId), eq(auditLog.action, "sign_in.failed")))
      .orderBy(auditLog.id);
    return rows;
  }

  it("refuses an e-mail the IdP does not assert as verified", async () => {
    const user = await createSsoUser();
    for (const emailVerified of [false, "false", undefined, null, 1]) {
      expect(await signIn({ email: user.email, emailVerified })).toEqual({ ok: false, reason: "email_unverified" });
    }
    expect(await signIn({ email: null })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await signIn({ email: "  " })).toEqual({ ok: false, reason: "email_unverified" });
    expect(await bindingsOf(user.id)).toEqual([]);
    const audited = await failures();
    expect(audited.at(-1)).toEqual({
      actorId: null,
      after: { method: "sso", reason: "email_unverified", email: "  ", issuer: provider.issuer },
    });
  });

  it("refuses an e-mail without an account as unknown_user", async () => {
    const email = uniqueEmail("stranger");
    expect(await signIn({ email })).toEqual({ ok: false, reason: "unknown_user" });
    expect((await failures()).at(-1)).toEqual({
      actorId: null,
      after: { method: "sso", reason: "unknown_user", email, issuer: provider.issuer },
    });
  });

  it("refuses a password account as not_sso_user", async () => {
    const user = await createTestUser(db, organizationId, { signInMethod: "password" });
    expect(await signIn({ email: user.email })).toEqual({ ok: false, reason: "not_sso_user" });
    expect(await bindingsOf(user.id)).toEqual([]);
    expect((await failures()).at(-1)).toMatchObject({ actorId: user.id, after: { reason: "not_sso_user" } });
  });

  it("refuses a deactivated account as deactivated", async () => {
    const user = await createSsoUser({ active: false });
    expect(await signIn({ email: user.email })).toEqual({ ok: false, reason: "deactivated" });
    expect(await bindingsOf(user.id)).toEqual([]);
    const sessions = await db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(sessions).toEqual([]);
  });

  it("refuses a service account as unknown_user", async () => {
    const user = await createSsoUser({ kind: "service", role: "admin" });
    expect(await signIn({ email: user.email })).toEqual({ ok: false, reason: "unknown_user" });
    expect(await bindingsOf(user.id)).toEqual([]);
  });

  it("signs in only its own organisation's users: another organisation's user with that e-mail is unknown", async () => {
    const outsider = await createTestUser(db, otherOrganizationId, { signInMethod: "sso" });
    expect(await signIn({ email: outsider.email })).toEqual({ ok: false, reason: "unknown_user" });
    expect(await bindingsOf(outsider.id)).toEqual([]);
    // The refusal is recorded in the IdP's organisation, never in the outsider's.
    expect((await failures()).at(-1)).toMatchObject({ actorId: null, after: { reason: "unknown_user", email: outsider.email } });
    expect(await failures(otherOrganizationId)).toEqual([]);
  });

  it("refuses, without an error, a subject already bound in another organisation on a shared issuer", async () => {
    const subject = randomUUID();
    const elsewhere = await createTestUser(db, otherOrganizationId, { signInMethod: "sso" });
    const boundElsewhere = await signInWithSso(db, {
      provider: otherProvider,
      subject,
      email: elsewhere.email,
      emailVerified: true,
      clientAddress: "198.51.100.8",
      userAgent: "vitest",
    });
    expect(boundElsewhere.ok).toBe(true);
    const here = await createSsoUser();

    expect(await signIn({ email: here.email, subject })).toEqual({ ok: false, reason: "identity_conflict" });
    expect(await bindingsOf(here.id)).toEqual([]);
  });

  it("binds once when two first sign-ins of the same identity arrive together", async () => {
    const user = await createSsoUser();
    const subject = randomUUID();
    const results = await Promise.all([signIn({ email: user.email, subject }), signIn({ email: user.email, subject })]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(await bindingsOf(user.id)).toHaveLength(1);
  });

  it("binds (issuer, subject) at the first sign-in and opens an sso usage session", async () => {
    const user = await createSsoUser({ name: "Sam Sso" });
    const subject = randomUUID();

    // Whatever case the IdP sends the e-mail in; "true" as a string is how some IdPs send the claim.
    const result = await signIn({ subject, email: user.email.toUpperCase(), emailVerified: "true" });

    expect(result).toEqual({
      ok: true,
      data: { userId: user.id, organizationId, email: user.email, name: "Sam Sso", usageSessionId: expect.any(String) },
    });
    const usageSessionId = result.ok ? result.data.usageSessionId : "";
    expect(await bindingsOf(user.id)).toEqual([{ issuer: provider.issuer, subject, organizationId }]);
    const sessions = await db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(sessions).toMatchObject([
      { id: usageSessionId, organizationId, method: "sso", clientAddress: "198.51.100.7", userAgent: "vitest", endedAt: null },
    ]);
    const [succeeded] = await db
      .select({ actorId: auditLog.actorId, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.targetId, user.id), eq(auditLog.action, "sign_in.succeeded")));
    expect(succeeded).toEqual({
      actorId: user.id,
      after: { method: "sso", issuer: provider.issuer, firstBinding: true, usageSessionId },
    });
  });

  it("matches later sign-ins on the binding, even when the IdP now sends another e-mail", async () => {
    const user = await createSsoUser();
    const subject = randomUUID();
    expect(await signIn({ subject, email: user.email })).toMatchObject({ ok: true });

    // Renamed at the IdP: the new address belongs to no Atelier account, the binding still finds the user.
    const renamed = await signIn({ subject, email: uniqueEmail("renamed") });

    expect(renamed).toMatchObject({ ok: true, data: { userId: user.id, email: user.email } });
    expect(await bindingsOf(user.id)).toEqual([{ issuer: provider.issuer, subject, organizationId }]);
    const sessions = await db.select({ method: usageSessions.method }).from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(sessions).toEqual([{ method: "sso" }, { method: "sso" }]);
  });

  it("refuses a bound user once deactivated, and a bound user switched to password sign-in", async () => {
    const user = await createSsoUser();
    const subject = randomUUID();
    expect(await signIn({ subject, email: user.email })).toMatchObject({ ok: true });

    await db.update(users).set({ signInMethod: "password" }).where(eq(users.id, user.id));
    expect(await signIn({ subject, email: user.email })).toEqual({ ok: false, reason: "not_sso_user" });

    await db.update(users).set({ signInMethod: "sso", active: false }).where(eq(users.id, user.id));
    expect(await signIn({ subject, email: user.email })).toEqual({ ok: false, reason: "deactivated" });
  });

  it("refuses another subject for an already bound user as identity_conflict", async () => {
    const user = await createSsoUser();
    const subject = randomUUID();
    expect(await signIn({ subject, email: user.email })).toMatchObject({ ok: true });

    const intruder = randomUUID();
    expect(await signIn({ subject: intruder, email: user.email })).toEqual({ ok: false, reason: "identity_conflict" });

    expect(await bindingsOf(user.id)).toEqual([{ issuer: provider.issuer, subject, organizationId }]);
    expect((await failures()).at(-1)).toMatchObject({ actorId: user.id, after: { reason: "identity_conflict" } });
    const sessions = await db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(sessions).toHaveLength(1);
  });

  it("never follows a binding into another organisation, even through the same issuer", async () => {
    const user = await createSsoUser();
    const subject = randomUUID();
    expect(await signIn({ subject, email: user.email })).toMatchObject({ ok: true });

    // The other organisation's IdP configuration asserts the same subject: the binding is not its own.
    const result = await signInWithSso(db, {
      provider: otherProvider,
      subject,
      email: user.email,
      emailVerified: true,
      clientAddress: "198.51.100.8",
      userAgent: null,
    });

    expect(result).toEqual({ ok: false, reason: "unknown_user" });
    const sessions = await db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(sessions).toHaveLength(1);
  });
});
