import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, passwordResetTokens, usageSessions, users, type SignInMethod, type UserKind } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPasswordResetToken, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { openUsageSession } from "@/lib/auth/usage-sessions";
import { createTestOrganization, uniqueEmail } from "../fixtures/organizations";
import { dataOf, inEnglish } from "../fixtures/results";

const baseUrl = "http://atelier.test:3000";
const oldPassword = "the old password, long enough";
const newPassword = "a brand new passphrase for atelier";
const invalidLinkMessage = "This reset link is invalid or has expired. Ask for a new one.";

describe("password reset", () => {
  let db: Database;
  let organizationId: string;
  let dataDir: string;
  const savedEnv = { ATELIER_DATA_DIR: process.env.ATELIER_DATA_DIR, SMTP_URL: process.env.SMTP_URL };
  let oldPasswordHash: string;
  let logged: MockInstance<typeof console.info>;
  let warned: MockInstance<typeof console.warn>;

  beforeAll(async () => {
    db = await getDb();
    organizationId = (await createTestOrganization(db, "Password reset")).id;
    // No SMTP: mails land in <data dir>/mail, a directory of this file's own.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "atelier-reset-"));
    process.env.ATELIER_DATA_DIR = dataDir;
    delete process.env.SMTP_URL;
    oldPasswordHash = await hashPassword(oldPassword);
    // The demo mailbox logs every message; keep the test output readable.
    logged = vi.spyOn(console, "info").mockImplementation(() => {});
    warned = vi.spyOn(console, "warn").mockImplementation(() => {});
  });

  afterAll(async () => {
    logged.mockRestore();
    warned.mockRestore();
    // The worker's modules and environment outlive this file (isolate: false).
    for (const [key, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  async function createUser(options: { kind?: UserKind; signInMethod?: SignInMethod; active?: boolean; locale?: "en" | "fr" } = {}) {
    const [user] = await db
      .insert(users)
      .values({
        organizationId,
        email: uniqueEmail("reset"),
        name: "Robin Reset",
        role: "viewer",
        kind: options.kind ?? "person",
        signInMethod: options.signInMethod ?? "password",
        passwordHash: options.signInMethod === "sso" ? null : oldPasswordHash,
        active: options.active ?? true,
        locale: options.locale ?? null,
      })
      .returning();
    if (!user) throw new Error("insert returned no user");
    return user;
  }

  /** Every mail written to the data directory for this address. */
  async function mailsTo(email: string): Promise<string[]> {
    const folder = path.join(dataDir, "mail");
    const names = await fs.readdir(folder).catch(() => [] as string[]);
    const contents = await Promise.all(names.map((name) => fs.readFile(path.join(folder, name), "utf8")));
    return contents.filter((content) => content.includes(`To: ${email}\n`));
  }

  /** Asks for a link and returns the token the mail carries. */
  async function requestToken(email: string, clientAddress = "203.0.113.10", typed = email): Promise<string> {
    const before = (await mailsTo(email)).length;
    expect(dataOf(await requestPasswordReset(db, { email: typed, clientAddress, baseUrl, locale: "en" }))).toEqual({ sent: true });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(before + 1);
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mails.at(-1) ?? "")?.[1];
    if (!token) throw new Error("the mail carries no reset link");
    return token;
  }

  async function tokenRows(userId: string) {
    return db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
  }

  async function auditActions(userId: string): Promise<{ action: string; after: unknown }[]> {
    return db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.targetId, userId)))
      .orderBy(auditLog.id);
  }

  it("mails a link whose token is stored only as its SHA-256, for 60 minutes", async () => {
    const user = await createUser();
    // Whatever the case the address is typed in.
    const token = await requestToken(user.email, "203.0.113.10", ` ${user.email.toUpperCase()} `);

    const [mail] = await mailsTo(user.email);
    expect(mail).toContain(`${baseUrl}/reset-password?token=${token}`);
    expect(mail).toContain("Subject: Reset your Atelier password");
    expect(mail).toContain("Hello Robin Reset,");
    expect(mail).toContain("The link works once, for 60 minutes.");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The server log names the file and shows the link, so the demo works without a mail server.
    const line = logged.mock.calls.map((call) => String(call[0])).find((text) => text.includes(token));
    expect(line).toContain(path.join(dataDir, "mail"));
    expect(line).toContain(`${baseUrl}/reset-password?token=${token}`);

    const rows = await tokenRows(user.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(row?.usedAt).toBeNull();
    expect(row?.requestedFrom).toBe("203.0.113.10");
    const minutes = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    expect(await auditActions(user.id)).toEqual([
      { action: "password_reset.requested", after: expect.objectContaining({ sent: true, tokenId: row?.id }) },
    ]);
    expect(dataOf(await checkPasswordResetToken(db, token))).toEqual({ email: user.email });
  });

  it("mails in the language the account chose, else in the language of the page that asked", async () => {
    const chosen = await createUser({ locale: "fr" });
    dataOf(await requestPasswordReset(db, { email: chosen.email, clientAddress: "203.0.113.20", baseUrl, locale: "en" }));
    const unchosen = await createUser();
    dataOf(await requestPasswordReset(db, { email: unchosen.email, clientAddress: "203.0.113.20", baseUrl, locale: "fr" }));

    for (const user of [chosen, unchosen]) {
      const [mail] = await mailsTo(user.email);
      expect(mail).toContain("Subject: Réinitialisez votre mot de passe Atelier");
      expect(mail).toContain("Bonjour Robin Reset,");
      expect(mail).toContain("Le lien ne sert qu'une fois, pendant 60 minutes.");
      expect(mail).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}\n/);
    }
  });

  it("answers an unknown e-mail the same, and stores and mails nothing", async () => {
    const email = uniqueEmail("nobody");
    const result = await requestPasswordReset(db, { email, clientAddress: "203.0.113.11", baseUrl, locale: "en" });
    expect(result).toEqual({ ok: true, data: { sent: false } });
    expect(await mailsTo(email)).toEqual([]);
    const rows = await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens).where(eq(passwordResetTokens.requestedFrom, "203.0.113.11"));
    expect(rows).toEqual([]);
  });

  it("mails nothing to single sign-on, deactivated or service accounts, with the same answer", async () => {
    for (const options of [{ signInMethod: "sso" as const }, { active: false }, { kind: "service" as const }]) {
      const user = await createUser(options);
      const result = await requestPasswordReset(db, { email: user.email, clientAddress: "203.0.113.12", baseUrl, locale: "en" });
      expect(result).toEqual({ ok: true, data: { sent: false } });
      expect(await mailsTo(user.email)).toEqual([]);
      expect(await tokenRows(user.id)).toEqual([]);
    }
  });

  it("sets a working password, ends every open session, revokes the other links and audits", async () => {
    const user = await createUser();
    const sessions = await Promise.all(
      ["198.51.100.1", "198.51.100.2"].map((clientAddress) =>
        openUsageSession(db, { organizationId, userId: user.id, method: "password", clientAddress, userAgent: null }),
      ),
    );
    const older = await requestToken(user.email);
    const token = await requestToken(user.email);

    const result = await resetPassword(db, { token, password: newPassword, clientAddress: "203.0.113.13" });
    expect(result).toEqual({ ok: true, data: { userId: user.id } });

    const [changed] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(changed?.passwordHash ?? "", newPassword)).toBe(true);
    expect(await verifyPassword(changed?.passwordHash ?? "", oldPassword)).toBe(false);
    expect(changed?.version).toBe(user.version + 1);

    const ended = await db.select().from(usageSessions).where(eq(usageSessions.userId, user.id));
    expect(ended.map((session) => session.id).sort()).toEqual([...sessions].sort());
    for (const session of ended) {
      expect(session.endedAt).not.toBeNull();
      expect(session.endReason).toBe("password_reset");
    }

    expect((await tokenRows(user.id)).every((row) => row.usedAt !== null)).toBe(true);
    expect(inEnglish(await resetPassword(db, { token: older, password: newPassword, clientAddress: "203.0.113.13" }))).toMatchObject({
      ok: false,
      error: { code: "invalid", message: invalidLinkMessage },
    });

    const completed = (await auditActions(user.id)).filter((entry) => entry.action === "password_reset.completed");
    expect(completed).toEqual([
      { action: "password_reset.completed", after: expect.objectContaining({ endedSessions: 2, revokedLinks: 1 }) },
    ]);
  });

  it("refuses a link the second time", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    dataOf(await resetPassword(db, { token, password: newPassword, clientAddress: "203.0.113.14" }));

    const again = await resetPassword(db, { token, password: "yet another long passphrase", clientAddress: "203.0.113.14" });
    expect(inEnglish(again)).toEqual({ ok: false, error: { code: "invalid", message: invalidLinkMessage } });
    expect(await checkPasswordResetToken(db, token)).toMatchObject({ ok: false });
    const [unchanged] = await db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(unchanged?.passwordHash ?? "", newPassword)).toBe(true);
  });

  it("lets only one of two simultaneous uses of a link win", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    const results = await Promise.all(
      ["first racing passphrase", "second racing passphrase"].map((password) =>
        resetPassword(db, { token, password, clientAddress: "203.0.113.15" }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map(inEnglish)).toEqual([
      { ok: false, error: { code: "invalid", message: invalidLinkMessage } },
    ]);
    const completed = (await auditActions(user.id)).filter((entry) => entry.action === "password_reset.completed");
    expect(completed).toHaveLength(1);
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    const token = await requestToken(user.email);
    const later = new Date(Date.now() + 61 * 60_000);

    expect(await checkPasswordResetToken(db, token, later)).toMatchObject({ ok: false, error: { code: "invalid" } });
    const result = await resetPassword(db, { token, password: newPassword, clientAddress: "203.0.113.16" }, later);
    expect(inEnglish(result)).toEqual({ ok: false, error: { code: "invalid", message: invalidLinkMessage } });
    const [unchanged] = await db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged?.passwordHash).toBe(oldPasswordHash);
  });

  it("refuses a made-up token", async () => {
    for (const token of ["", "not-a-token", "A".repeat(43)]) {
      expect(inEnglish(await resetPassword(db, { token, password: newPassword, clientAddress: "203.0.113.17" }))).toMatchObject({
        ok: false,
        error: { code: "invalid", message: invalidLinkMessage },
      });
    }
  });

  it("refuses a weak password with a field error, changing nothing", async () => {
    const user = await createUser();
    const session = await openUsageSession(db, { organizationId, userId: user.id, method: "password", clientAddress: null, userAgent: null });
    const token = await requestToken(user.email);

    const weak: [string, string][] = [
      ["short", "Use at least 12 characters."],
      ["password1234", "This password is among the most common ones: choose another."],
    ];
    for (const [password, problem] of weak) {
      const result = await resetPassword(db, { token, password, clientAddress: "203.0.113.18" });
      expect(inEnglish(result)).toEqual({ ok: false, error: { code: "invalid", message: "Choose another password.", fields: { password: problem } } });
    }

    const [unchanged] = await db.select().from(users).where(eq(users.id, user.id));
    expect(unchanged?.passwordHash).toBe(oldPasswordHash);
    expect(unchanged?.version).toBe(user.version);
    const [open] = await db.select().from(usageSessions).where(eq(usageSessions.id, session));
    expect(open?.endedAt).toBeNull();
    expect((await tokenRows(user.id)).map((row) => row.usedAt)).toEqual([null]);
    // The link still works for a good password.
    dataOf(await resetPassword(db, { token, password: newPassword, clientAddress: "203.0.113.18" }));
  });

  it("mails at most 5 links per account and hour, answering the same beyond", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) await requestToken(user.email, `192.0.2.${i + 1}`);

    const sixth = await requestPasswordReset(db, { email: user.email, clientAddress: "192.0.2.99", baseUrl, locale: "en" });
    expect(sixth).toEqual({ ok: true, data: { sent: false } });
    expect(await mailsTo(user.email)).toHaveLength(5);
    expect(await tokenRows(user.id)).toHaveLength(5);
    const entries = await auditActions(user.id);
    expect(entries.at(-1)).toEqual({ action: "password_reset.requested", after: { sent: false, reason: "account_limit" } });
  });
});
