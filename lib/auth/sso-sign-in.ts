import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ssoIdentities, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SignedIn } from "./password-sign-in";
import type { SsoProvider } from "./sso-providers";
import { openUsageSession } from "./usage-sessions";

export const ssoRefusalReasons = [
  "email_unverified",
  "unknown_user",
  "not_sso_user",
  "deactivated",
  "identity_conflict",
] as const;
export type SsoRefusalReason = (typeof ssoRefusalReasons)[number];

/** What the sign-in page says for each refusal (why, and whom to ask): catalogue keys. */
export const ssoRefusalMessages = {
  email_unverified: "auth.ssoRefusals.email_unverified",
  unknown_user: "auth.ssoRefusals.unknown_user",
  not_sso_user: "auth.ssoRefusals.not_sso_user",
  deactivated: "auth.ssoRefusals.deactivated",
  identity_conflict: "auth.ssoRefusals.identity_conflict",
} as const satisfies Record<SsoRefusalReason, string>;

export interface SsoSignInInput {
  provider: SsoProvider;
  subject: string;
  email: string | null | undefined;
  emailVerified: unknown;
  clientAddress: string;
  userAgent: string | null;
}

export type SsoSignInResult = { ok: true; data: SignedIn } | { ok: false; reason: SsoRefusalReason };

/**
 * Signs in an SSO user (SPEC §6, §9): the IdP must assert a verified e-mail; the first sign-in binds the active
 * `sso` user with that e-mail in the IdP's organisation to (issuer, subject); later sign-ins match on the binding.
 */
export async function signInWithSso(db: Database, input: SsoSignInInput): Promise<SsoSignInResult> {
  const { provider } = input;
  const refuse = async (reason: SsoRefusalReason, userId?: string): Promise<SsoSignInResult> => {
    await recordAudit(db, {
      organizationId: provider.organizationId,
      actorId: userId ?? null,
      action: "sign_in.failed",
      targetType: userId ? "user" : undefined,
      targetId: userId,
      after: { method: "sso", reason, email: input.email ?? null, issuer: provider.issuer },
      clientAddress: input.clientAddress,
    });
    return { ok: false, reason };
  };
  if (input.emailVerified !== true && input.emailVerified !== "true") return refuse("email_unverified");
  const email = input.email?.trim().toLowerCase();
  if (!email) return refuse("email_unverified");

  const [bound] = await db
    .select({ userId: ssoIdentities.userId })
    .from(ssoIdentities)
    .where(
      and(
        eq(ssoIdentities.issuer, provider.issuer),
        eq(ssoIdentities.subject, input.subject),
        eq(ssoIdentities.organizationId, provider.organizationId),
      ),
    );
  const [user] = bound
    ? await db.select().from(users).where(eq(users.id, bound.userId))
    : await db
        .select()
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, email), eq(users.organizationId, provider.organizationId)));

  if (!user || user.kind === "service") return refuse("unknown_user");
  if (user.signInMethod !== "sso") return refuse("not_sso_user", user.id);
  if (!user.active) return refuse("deactivated", user.id);

  if (!bound) {
    const [existing] = await db
      .select({ subject: ssoIdentities.subject })
      .from(ssoIdentities)
      .where(and(eq(ssoIdentities.userId, user.id), eq(ssoIdentities.issuer, provider.issuer)));
    // The same subject means a concurrent first sign-in bound it a moment ago: that one is this identity.
    if (existing && existing.subject !== input.subject) return refuse("identity_conflict", user.id);
    const inserted = await db
      .insert(ssoIdentities)
      .values({ organizationId: user.organizationId, userId: user.id, issuer: provider.issuer, subject: input.subject })
      .onConflictDoNothing()
      .returning({ id: ssoIdentities.id });
    if (inserted.length === 0) {
      // A concurrent first sign-in bound it meanwhile, or the subject is bound to someone else (another organisation
      // on a shared issuer): only the former may go on.
      const [winner] = await db
        .select({ userId: ssoIdentities.userId })
        .from(ssoIdentities)
        .where(and(eq(ssoIdentities.issuer, provider.issuer), eq(ssoIdentities.subject, input.subject)));
      if (winner?.userId !== user.id) return refuse("identity_conflict", user.id);
    }
  }

  const usageSessionId = await openUsageSession(db, {
    organizationId: user.organizationId,
    userId: user.id,
    method: "sso",
    clientAddress: input.clientAddress,
    userAgent: input.userAgent,
  });
  await recordAudit(db, {
    organizationId: user.organizationId,
    actorId: user.id,
    action: "sign_in.succeeded",
    targetType: "user",
    targetId: user.id,
    after: { method: "sso", issuer: provider.issuer, firstBinding: !bound, usageSessionId },
    clientAddress: input.clientAddress,
  });
  return { ok: true, data: { userId: user.id, organizationId: user.organizationId, email: user.email, name: user.name, usageSessionId } };
}
