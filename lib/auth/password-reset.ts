import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database, type Transaction } from "@/db/client";
import { passwordResetTokens, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashSecretToken } from "@/lib/secrets/token-hash";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { passwordResetMail } from "@/lib/mail/password-reset-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";
import { hashPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { clearAccountThrottle } from "./sign-in-throttle";
import { endUserSessions } from "./usage-sessions";
import { env } from "@/lib/env";

/** How long a link works, and how many links may be mailed per hour (per account, per client address). */
export function passwordResetPolicy() {
  return {
    ttlMinutes: env().PASSWORD_RESET_TTL_MINUTES,
    maxPerAccountPerHour: 5,
    maxPerAddressPerHour: env().PASSWORD_RESET_MAX_PER_ADDRESS,
  };
}

export const invalidResetLinkMessage = "auth.errors.invalidResetLink";

export const passwordResetRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "auth.errors.emailMissing")
    .max(320, "auth.errors.emailTooLong")
    .pipe(z.email("auth.errors.emailInvalid")),
});

export interface PasswordResetRequest {
  email: string;
  clientAddress: string;
  /** The origin the mailed link points to (see publicBaseUrl). */
  baseUrl: string;
  /** The language of the page that asked: the mail's, unless the account has chosen one. */
  locale: Locale;
}

export interface PasswordResetInput {
  token: string;
  password: string;
  clientAddress: string;
}

type UserRow = typeof users.$inferSelect;

/** SPEC §6: only active, non-service accounts that sign in with a password have a password to reset. */
function canResetPassword(user: Pick<UserRow, "active" | "kind" | "signInMethod">): boolean {
  return user.active && user.kind !== "service" && user.signInMethod === "password";
}

// 32 random bytes, base64url: 43 characters. Only their SHA-256 is stored, so the table alone opens nothing.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

type RequestRefusal = "not_a_password_account" | "deactivated" | "account_limit" | "address_limit";

async function requestRefusal(tx: Transaction, user: UserRow, clientAddress: string): Promise<RequestRefusal | null> {
  if (!user.active) return "deactivated";
  if (!canResetPassword(user)) return "not_a_password_account";
  const policy = passwordResetPolicy();
  const [recent] = await tx
    .select({
      forAccount: sql<number>`count(*) filter (where ${passwordResetTokens.userId} = ${user.id})::int`,
      fromAddress: sql<number>`count(*) filter (where ${passwordResetTokens.requestedFrom} = ${clientAddress})::int`,
    })
    .from(passwordResetTokens)
    .where(
      and(
        gt(passwordResetTokens.createdAt, sql`now() - interval '1 hour'`),
        or(eq(passwordResetTokens.userId, user.id), eq(passwordResetTokens.requestedFrom, clientAddress)),
      ),
    );
  if ((recent?.forAccount ?? 0) >= policy.maxPerAccountPerHour) return "account_limit";
  if ((recent?.fromAddress ?? 0) >= policy.maxPerAddressPerHour) return "address_limit";
  return null;
}

/**
 * Mails a single-use reset link to an active password account. Unknown e-mails, other accounts and requests over
 * the limits get nothing, but the same answer: callers must not show `sent`, or the form would tell which e-mails
 * have accounts. Only the SHA-256 of the token is stored.
 */
export async function requestPasswordReset(db: Database, input: PasswordResetRequest, now = new Date()): Promise<Result<{ sent: boolean }>> {
  const parsed = passwordResetRequestSchema.safeParse({ email: input.email });
  if (!parsed.success) return fail("invalid", "errors.fieldsNeedAttention", fieldErrors(parsed.error));
  const email = parsed.data.email.toLowerCase();
  const { ttlMinutes } = passwordResetPolicy();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);

  const issued = await db.transaction(async (tx) => {
    // The row lock serialises concurrent requests for one account, so the limit holds.
    const [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).for("update");
    if (!user) return null;
    const refusal = await requestRefusal(tx, user, input.clientAddress);
    let tokenId: string | null = null;
    if (!refusal) {
      const [row] = await tx
        .insert(passwordResetTokens)
        .values({ organizationId: user.organizationId, userId: user.id, tokenHash: hashSecretToken(token), expiresAt, requestedFrom: input.clientAddress })
        .returning({ id: passwordResetTokens.id });
      tokenId = row?.id ?? null;
    }
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "password_reset.requested",
      targetType: "user",
      targetId: user.id,
      after: refusal ? { sent: false, reason: refusal } : { sent: true, tokenId, expiresAt: expiresAt.toISOString() },
      clientAddress: input.clientAddress,
    });
    if (refusal) console.warn(`[password reset] No link mailed for a request from ${input.clientAddress}: ${refusal}.`);
    return refusal ? null : user;
  });
  if (!issued) return ok({ sent: false });

  const link = `${input.baseUrl.replace(/\/+$/, "")}/reset-password?token=${token}`;
  const locale = isLocale(issued.locale) ? issued.locale : input.locale;
  const mailed = await sendMail(passwordResetMail(locale, { name: issued.name, email: issued.email, link, ttlMinutes }));
  return ok({ sent: mailed.ok });
}

interface UsableToken {
  tokenId: string;
  userId: string;
  email: string;
}

async function findUsableToken(db: Database, token: string, now: Date): Promise<UsableToken | null> {
  if (!tokenPattern.test(token)) return null;
  const [row] = await db
    .select({ tokenId: passwordResetTokens.id, user: users })
    .from(passwordResetTokens)
    .innerJoin(users, and(eq(users.id, passwordResetTokens.userId), eq(users.organizationId, passwordResetTokens.organizationId)))
    .where(and(eq(passwordResetTokens.tokenHash, hashSecretToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
  if (!row || !canResetPassword(row.user)) return null;
  return { tokenId: row.tokenId, userId: row.user.id, email: row.user.email };
}

/** Whether a mailed link still works (the reset page asks before showing its form); it is not used up here. */
export async function checkPasswordResetToken(db: Database, token: string, now = new Date()): Promise<Result<{ email: string }>> {
  const found = await findUsableToken(db, token, now);
  return found ? ok({ email: found.email }) : fail("invalid", invalidResetLinkMessage);
}

/**
 * Sets a new password through a mailed link: the link is used up (once, even under concurrent use), the user's
 * open sessions end, and their other links stop working, all in one transaction.
 */
export async function resetPassword(db: Database, input: PasswordResetInput, now = new Date()): Promise<Result<{ userId: string }>> {
  const found = await findUsableToken(db, input.token, now);
  if (!found) return fail("invalid", invalidResetLinkMessage);
  const problem = passwordProblem(input.password);
  if (problem) return fail("invalid", "auth.errors.choosePassword", { password: problem });
  // Hashing is slow: done before the transaction, so no lock waits on it.
  const passwordHash = await hashPassword(input.password);

  const done = await db.transaction(async (tx) => {
    // The user row first, then tokens: the same lock order as requestPasswordReset, so concurrent resets queue.
    const [user] = await tx.select().from(users).where(eq(users.id, found.userId)).for("update");
    if (!user || !canResetPassword(user)) return null;
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.id, found.tokenId), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ id: passwordResetTokens.id });
    if (!claimed) return null;

    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.organizationId, user.organizationId)));
    const endedSessions = await endUserSessions(tx, user.id, "password_reset");
    const revokedLinks = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)))
      .returning({ id: passwordResetTokens.id });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "password_reset.completed",
      targetType: "user",
      targetId: user.id,
      before: { version: user.version },
      after: { version: user.version + 1, tokenId: claimed.id, endedSessions, revokedLinks: revokedLinks.length },
      clientAddress: input.clientAddress,
    });
    return user;
  });
  if (!done) return fail("invalid", invalidResetLinkMessage);

  // The owner proved they hold the mailbox: their failed sign-ins from this address no longer count.
  await clearAccountThrottle(db, done.email, input.clientAddress);
  return ok({ userId: done.id });
}

// Entry points for the password reset pages and actions, the gate's named exemptions (nobody is signed in):
// they open the process-wide database themselves, since app/ never imports the database client.

export async function requestPasswordResetFromForm(input: PasswordResetRequest): Promise<Result<{ sent: boolean }>> {
  return requestPasswordReset(await getDb(), input);
}

export async function checkPasswordResetLink(token: string): Promise<Result<{ email: string }>> {
  return checkPasswordResetToken(await getDb(), token);
}

export async function resetPasswordFromForm(input: PasswordResetInput): Promise<Result<{ userId: string }>> {
  return resetPassword(await getDb(), input);
}
