import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { usageSessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { ok, type Result } from "@/lib/result";
import type { ActingUser } from "./acting-user";
import { endUserSessions } from "./usage-sessions";

export interface OwnSession {
  id: string;
  method: "password" | "sso";
  startedAt: Date;
  lastActivityAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The acting user's open sessions, newest first. */
export async function listOwnSessions(db: Database, user: ActingUser): Promise<OwnSession[]> {
  const rows = await db
    .select()
    .from(usageSessions)
    .where(and(eq(usageSessions.userId, user.id), isNull(usageSessions.endedAt)))
    .orderBy(desc(usageSessions.startedAt))
    .limit(50);
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    startedAt: row.startedAt,
    lastActivityAt: row.lastActivityAt,
    clientAddress: row.clientAddress,
    userAgent: row.userAgent,
    current: row.id === user.usageSessionId,
  }));
}

/** Signs the acting user out everywhere but here (a lost laptop, a shared browser). */
export async function endOtherOwnSessions(db: Database, user: ActingUser, clientAddress: string): Promise<Result<{ ended: number }>> {
  const ended = await endUserSessions(db, user.id, "revoked", user.usageSessionId ?? undefined);
  if (ended > 0) {
    await recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "session.revoked",
      targetType: "user",
      targetId: user.id,
      after: { ended, kept: user.usageSessionId },
      clientAddress,
    });
  }
  return ok({ ended });
}
