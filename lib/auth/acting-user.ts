import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb, type Database } from "@/db/client";
import {
  organizations,
  usageSessions,
  users,
  type PropertyValues,
  type Role,
  type SessionEndReason,
  type SignInMethod,
  type UserKind,
} from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { cookieHeaderReader } from "@/lib/http/cookie-header";
import { readSessionToken } from "./session-token";
import { sessionPolicy } from "./session-policy";
import { endUsageSession, touchUsageSession } from "./usage-sessions";

/** The user a request acts as, read from the database on every request (never from the token alone). */
export interface ActingUser {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  kind: UserKind;
  signInMethod: SignInMethod;
  siteIds: string[];
  teamIds: string[];
  properties: PropertyValues;
  /** The usage session of a browser sign-in; null for an integration's bearer token. */
  usageSessionId: string | null;
  /** The organisation's authorization version when the user was read: keys any cached access plan. */
  authzVersion: number;
  /** The language the user chose in their menu; null follows the browser's. */
  locale: Locale | null;
  /** The organisation's IANA time zone: dates and analytics periods are cut in it. */
  timeZone: string;
}

/** The columns every way of resolving a caller reads, beside the user row: sites, teams and organisation facts. */
export const actingUserFacts = {
  user: users,
  authzVersion: organizations.authzVersion,
  timeZone: organizations.timeZone,
  siteIds: sql<string[]>`coalesce((select jsonb_agg(us.site_id) from user_sites us where us.user_id = ${users.id}), '[]'::jsonb)`,
  teamIds: sql<string[]>`coalesce((select jsonb_agg(tm.team_id) from team_members tm where tm.user_id = ${users.id}), '[]'::jsonb)`,
};

/** The acting user of a row selected with `actingUserFacts`. */
export function actingUserOf(
  row: { user: typeof users.$inferSelect; authzVersion: number; timeZone: string; siteIds: string[]; teamIds: string[] },
  usageSessionId: string | null,
): ActingUser {
  const { user } = row;
  return {
    id: user.id,
    organizationId: user.organizationId,
    email: user.email,
    name: user.name,
    role: user.role,
    kind: user.kind,
    signInMethod: user.signInMethod,
    siteIds: row.siteIds,
    teamIds: row.teamIds,
    properties: user.properties,
    usageSessionId,
    authzVersion: row.authzVersion,
    locale: isLocale(user.locale) ? user.locale : null,
    timeZone: row.timeZone,
  };
}

export type SessionState =
  | { status: "signed_in"; user: ActingUser }
  | { status: "signed_out" }
  | { status: "ended"; reason: SessionEndReason };

/**
 * Resolves a session token's (user, usage session) pair against the database: the account must be active and
 * the usage session open, within the idle and absolute limits. Ends the usage session when it no longer holds.
 */
export async function resolveSession(
  db: Database,
  token: { userId: string; usageSessionId: string } | null,
  now = new Date(),
): Promise<SessionState> {
  if (!token) return { status: "signed_out" };
  const [row] = await db
    .select({
      ...actingUserFacts,
      startedAt: usageSessions.startedAt,
      lastActivityAt: usageSessions.lastActivityAt,
      endedAt: usageSessions.endedAt,
      endReason: usageSessions.endReason,
    })
    .from(usageSessions)
    .innerJoin(users, eq(users.id, usageSessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(usageSessions.id, token.usageSessionId), eq(usageSessions.userId, token.userId)));
  if (!row) return { status: "signed_out" };
  if (row.endedAt) return { status: "ended", reason: row.endReason ?? "revoked" };

  const policy = sessionPolicy();
  let ending: SessionEndReason | null = null;
  if (!row.user.active) ending = "deactivated";
  else if (now.getTime() - row.lastActivityAt.getTime() > policy.idleMs) ending = "idle";
  else if (now.getTime() - row.startedAt.getTime() > policy.absoluteMs) ending = "expired";
  if (ending) {
    // A session that lapsed ends when it was last used, so the analytics don't count the gap as usage.
    const endedAt = ending === "deactivated" ? now : row.lastActivityAt;
    await endUsageSession(db, token.usageSessionId, ending, endedAt);
    return { status: "ended", reason: ending };
  }

  // Activity is written at most once a minute: most requests only read.
  if (now.getTime() - row.lastActivityAt.getTime() >= policy.activityWriteIntervalMs) await touchUsageSession(db, token.usageSessionId, now);
  return { status: "signed_in", user: actingUserOf(row, token.usageSessionId) };
}

/** The current request's session state, resolved once per request. */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const cookieStore = await cookies();
  return resolveSession(await getDb(), await readSessionToken((name) => cookieStore.get(name)?.value));
});

/** The session state of a route handler's own request (its Cookie header). */
export async function sessionStateOf(request: Request): Promise<SessionState> {
  return resolveSession(await getDb(), await readSessionToken(cookieHeaderReader(request.headers.get("cookie"))));
}

/** Why a request has no acting user, for the sign-in page and API errors: catalogue keys. */
export const sessionEndMessages = {
  signed_out_before: "auth.sessionEnded.signed_out_before",
  signed_out: "auth.sessionEnded.signed_out",
  idle: "auth.sessionEnded.idle",
  expired: "auth.sessionEnded.expired",
  revoked: "auth.sessionEnded.revoked",
  deactivated: "auth.sessionEnded.deactivated",
  password_reset: "auth.sessionEnded.password_reset",
} as const satisfies Record<SessionEndReason | "signed_out_before", string>;

export function sessionStateMessage(state: Exclude<SessionState, { status: "signed_in" }>): string {
  return sessionEndMessages[state.status === "ended" ? state.reason : "signed_out_before"];
}
