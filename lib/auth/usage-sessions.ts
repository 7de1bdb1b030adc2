import "server-only";
import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { usageSessions, type SessionEndReason, type SignInMethod } from "@/db/schema";
import { sessionPolicy } from "./session-policy";

export interface OpenSessionInput {
  organizationId: string;
  userId: string;
  method: SignInMethod;
  clientAddress: string | null;
  userAgent: string | null;
}

/** Every sign-in opens a usage session: the analytics' usage data and the server-side handle of the login. */
export async function openUsageSession(db: Executor, input: OpenSessionInput): Promise<string> {
  const [row] = await db.insert(usageSessions).values(input).returning({ id: usageSessions.id });
  if (!row) throw new Error("insert returned no usage session");
  return row.id;
}

/** Records activity, at most once per interval, so the idle timeout and the analytics see it. */
export async function touchUsageSession(db: Executor, sessionId: string, now = new Date()): Promise<void> {
  const threshold = new Date(now.getTime() - sessionPolicy().activityWriteIntervalMs);
  await db
    .update(usageSessions)
    .set({ lastActivityAt: now })
    .where(and(eq(usageSessions.id, sessionId), isNull(usageSessions.endedAt), lt(usageSessions.lastActivityAt, threshold)));
}

export async function endUsageSession(db: Executor, sessionId: string, reason: SessionEndReason, at = new Date()): Promise<void> {
  await db
    .update(usageSessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(usageSessions.id, sessionId), isNull(usageSessions.endedAt)));
}

/**
 * Ends a user's open sessions (all, or all but `exceptSessionId`). One already idle past the limit is recorded as
 * ended by idleness at its last activity, so usage durations stay honest. Returns how many were ended.
 */
export async function endUserSessions(
  db: Executor,
  userId: string,
  reason: SessionEndReason,
  exceptSessionId?: string,
): Promise<number> {
  const idleSince = sql`now() - make_interval(secs => ${sessionPolicy().idleMs / 1000})`;
  const lapsed = sql`${usageSessions.lastActivityAt} < ${idleSince}`;
  const ended = await db
    .update(usageSessions)
    .set({
      endedAt: sql`case when ${lapsed} then ${usageSessions.lastActivityAt} else now() end`,
      endReason: sql`case when ${lapsed} then 'idle'::session_end_reason else ${reason}::session_end_reason end`,
    })
    .where(
      and(
        eq(usageSessions.userId, userId),
        isNull(usageSessions.endedAt),
        exceptSessionId ? ne(usageSessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: usageSessions.id });
  return ended.length;
}
