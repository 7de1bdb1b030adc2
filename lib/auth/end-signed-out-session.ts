import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { usageSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Ends the usage session a signed-out token belonged to, so a copy of the token is dead at once (OWASP ASVS
 * V7.4.1). Auth.js calls it on every way out — the app's sign-out, its own /api/auth/signout endpoint and
 * `signOut()` from next-auth/react all end in the same signOut event.
 */
export async function endSignedOutSession(token: { sub?: string | null; sid?: string | null } | null | undefined): Promise<void> {
  if (!token?.sub || !token.sid) return;
  const db = await getDb();
  const [ended] = await db
    .update(usageSessions)
    .set({ endedAt: new Date(), endReason: "signed_out" })
    .where(and(eq(usageSessions.id, token.sid), eq(usageSessions.userId, token.sub), isNull(usageSessions.endedAt)))
    .returning({ id: usageSessions.id, organizationId: usageSessions.organizationId });
  if (!ended) return;
  await recordAudit(db, {
    organizationId: ended.organizationId,
    actorId: token.sub,
    action: "session.signed_out",
    targetType: "usage_session",
    targetId: ended.id,
  });
}
