import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { auditLog, organizations, sites, teamMembers, teams, userSites, usageSessions, users } from "@/db/schema";
import { resolveSession, type ActingUser } from "@/lib/auth/acting-user";
import { endOtherOwnSessions } from "@/lib/auth/own-sessions";
import { sessionPolicy } from "@/lib/auth/session-policy";
import { openUsageSession } from "@/lib/auth/usage-sessions";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { createTestOrganization } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";
import { actingUserOf, createTestUser, type TestUser } from "../fixtures/users";

const minute = 60_000;

describe("resolveSession", () => {
  let db: Database;
  const policy = sessionPolicy();

  beforeAll(async () => {
    db = await getDb();
  });

  interface Signed {
    organizationId: string;
    user: TestUser;
    token: { userId: string; usageSessionId: string };
    /** When the usage session started, as the database recorded it. */
    startedAt: Date;
  }

  async function signedInUser(options: Parameters<typeof createTestUser>[2] = {}, organizationId?: string): Promise<Signed> {
    const orgId = organizationId ?? (await createTestOrganization(db, "Acting user")).id;
    const user = await createTestUser(db, orgId, options);
    const usageSessionId = await openUsageSession(db, {
      organizationId: orgId,
      userId: user.id,
      method: "password",
      clientAddress: "192.0.2.1",
      userAgent: "vitest",
    });
    const session = await sessionRow(usageSessionId);
    return { organizationId: orgId, user, token: { userId: user.id, usageSessionId }, startedAt: session.startedAt };
  }

  async function sessionRow(id: string) {
    const [row] = await db.select().from(usageSessions).where(eq(usageSessions.id, id));
    if (!row) throw new Error(`no usage session ${id}`);
    return row;
  }

  async function signedInAs(token: Signed["token"], now: Date): Promise<ActingUser> {
    const state = await resolveSession(db, token, now);
    if (state.status !== "signed_in") throw new Error(`Expected signed_in, got ${JSON.stringify(state)}`);
    return state.user;
  }

  const after = (start: Date, ms: number) => new Date(start.getTime() + ms);

  it("answers signed_out without a token, or for a token that names no session of that user", async () => {
    const { token } = await signedInUser();
    const other = await signedInUser();

    expect(await resolveSession(db, null)).toEqual({ status: "signed_out" });
    expect(await resolveSession(db, { userId: token.userId, usageSessionId: other.token.usageSessionId })).toEqual({
      status: "signed_out",
    });
    expect(await resolveSession(db, { userId: token.userId, usageSessionId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      status: "signed_out",
    });
  });

  it("reads the user's role, sites, teams and properties from the database", async () => {
    const organizationId = (await createTestOrganization(db, "Acting user")).id;
    const [lyon, nantes] = await db
      .insert(sites)
      .values([
        { organizationId, name: "Lyon" },
        { organizationId, name: "Nantes" },
      ])
      .returning({ id: sites.id });
    const [team] = await db.insert(teams).values({ organizationId, name: "Quality" }).returning({ id: teams.id });
    if (!lyon || !nantes || !team) throw new Error("insert returned nothing");
    const signed = await signedInUser({ role: "manager", name: "Max Manager", properties: { department: "QA" } }, organizationId);
    await db.insert(userSites).values([
      { organizationId, userId: signed.user.id, siteId: lyon.id },
      { organizationId, userId: signed.user.id, siteId: nantes.id },
    ]);
    await db.insert(teamMembers).values({ organizationId, userId: signed.user.id, teamId: team.id });
    const authzVersion = await bumpAuthzVersion(db, organizationId);

    const user = await signedInAs(signed.token, after(signed.startedAt, 10_000));

    expect({ ...user, siteIds: [...user.siteIds].sort() }).toEqual({
      id: signed.user.id,
      organizationId,
      email: signed.user.email,
      name: "Max Manager",
      role: "manager",
      kind: "person",
      signInMethod: "password",
      siteIds: [lyon.id, nantes.id].sort(),
      teamIds: [team.id],
      properties: { department: "QA" },
      usageSessionId: signed.token.usageSessionId,
      authzVersion,
      locale: null,
      timeZone: "UTC",
    });
  });

  it("records activity at most once a minute", async () => {
    const { token, startedAt } = await signedInUser();

    // Within the first minute: the session's own start still counts as recent activity.
    await signedInAs(token, after(startedAt, 30_000));
    expect((await sessionRow(token.usageSessionId)).lastActivityAt).toEqual(startedAt);

    const firstTouch = after(startedAt, 2 * minute);
    await signedInAs(token, firstTouch);
    expect((await sessionRow(token.usageSessionId)).lastActivityAt).toEqual(firstTouch);

    await signedInAs(token, after(firstTouch, 30_000));
    await signedInAs(token, after(firstTouch, 59_000));
    expect((await sessionRow(token.usageSessionId)).lastActivityAt).toEqual(firstTouch);

    const secondTouch = after(firstTouch, minute + 1_000);
    await signedInAs(token, secondTouch);
    const row = await sessionRow(token.usageSessionId);
    expect(row.lastActivityAt).toEqual(secondTouch);
    expect(row.endedAt).toBeNull();
  });

  it("ends the session of a user an Admin deactivated, at their next request", async () => {
    const signed = await signedInUser();
    const admin = await createTestUser(db, signed.organizationId, { role: "admin" });
    await signedInAs(signed.token, after(signed.startedAt, 10_000));

    dataOf(await deactivateUser(db, await actingUserOf(db, admin), { userId: signed.user.id }));

    expect(await resolveSession(db, signed.token, after(signed.startedAt, 20_000))).toEqual({
      status: "ended",
      reason: "deactivated",
    });
    const row = await sessionRow(signed.token.usageSessionId);
    expect(row.endReason).toBe("deactivated");
    expect(row.endedAt).not.toBeNull();
  });

  it("ends an open session of a user found inactive, with reason deactivated, at that request", async () => {
    // E.g. an account switched off directly in the database: the session must not outlive it.
    const signed = await signedInUser();
    await db.update(users).set({ active: false }).where(eq(users.id, signed.user.id));
    const now = after(signed.startedAt, 20_000);

    expect(await resolveSession(db, signed.token, now)).toEqual({ status: "ended", reason: "deactivated" });
    expect(await sessionRow(signed.token.usageSessionId)).toMatchObject({ endedAt: now, endReason: "deactivated" });
    // Reactivating the account does not bring the ended session back.
    await db.update(users).set({ active: true }).where(eq(users.id, signed.user.id));
    expect(await resolveSession(db, signed.token, after(now, 1_000))).toEqual({ status: "ended", reason: "deactivated" });
  });

  it("ends a session idle for longer than the idle limit, at its last activity", async () => {
    const { token, startedAt } = await signedInUser();
    const lastActivity = after(startedAt, 5 * minute);
    await signedInAs(token, lastActivity);

    // Exactly at the limit it still holds (and that request counts as activity)…
    const atLimit = after(lastActivity, policy.idleMs);
    await signedInAs(token, atLimit);
    // …one second beyond the limit after that, it ends.
    const tooLate = after(atLimit, policy.idleMs + 1_000);
    expect(await resolveSession(db, token, tooLate)).toEqual({ status: "ended", reason: "idle" });
    expect(await sessionRow(token.usageSessionId)).toMatchObject({ endedAt: atLimit, endReason: "idle" });
    expect(await resolveSession(db, token, after(tooLate, 1_000))).toEqual({ status: "ended", reason: "idle" });
  });

  it("ends a session older than the absolute limit, however active", async () => {
    const { token, startedAt } = await signedInUser();
    // Active a minute before the limit, so not idle.
    await db
      .update(usageSessions)
      .set({ lastActivityAt: after(startedAt, policy.absoluteMs - minute) })
      .where(eq(usageSessions.id, token.usageSessionId));
    expect((await resolveSession(db, token, after(startedAt, policy.absoluteMs))).status).toBe("signed_in");
    const now = after(startedAt, policy.absoluteMs + 1_000);

    expect(await resolveSession(db, token, now)).toEqual({ status: "ended", reason: "expired" });
    // Recorded as ending when it was last used, like an idle one: the analytics count no unused tail.
    expect(await sessionRow(token.usageSessionId)).toMatchObject({ endedAt: after(startedAt, policy.absoluteMs - minute), endReason: "expired" });
  });

  it("ends the sessions the user signed out elsewhere with endOtherOwnSessions, and keeps the current one", async () => {
    const signed = await signedInUser();
    const otherSessionId = await openUsageSession(db, {
      organizationId: signed.organizationId,
      userId: signed.user.id,
      method: "password",
      clientAddress: "192.0.2.2",
      userAgent: "other browser",
    });
    const now = after(signed.startedAt, 10_000);
    const current = await signedInAs(signed.token, now);

    expect(dataOf(await endOtherOwnSessions(db, current, "192.0.2.1"))).toEqual({ ended: 1 });

    expect(await resolveSession(db, { userId: signed.user.id, usageSessionId: otherSessionId }, now)).toEqual({
      status: "ended",
      reason: "revoked",
    });
    expect((await resolveSession(db, signed.token, now)).status).toBe("signed_in");
    const [entry] = await db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.targetId, signed.user.id));
    expect(entry).toEqual({ action: "session.revoked", after: { ended: 1, kept: signed.token.usageSessionId } });
  });

  it("sees a change of role, sites, teams or authorization version at the very next request", async () => {
    const signed = await signedInUser({ role: "viewer" });
    const { organizationId } = signed;
    const first = await signedInAs(signed.token, after(signed.startedAt, 5_000));
    expect(first).toMatchObject({ role: "viewer", siteIds: [], teamIds: [] });

    const [site] = await db.insert(sites).values({ organizationId, name: "Toulouse" }).returning({ id: sites.id });
    const [team] = await db.insert(teams).values({ organizationId, name: "Design" }).returning({ id: teams.id });
    if (!site || !team) throw new Error("insert returned nothing");
    await db.update(users).set({ role: "manager", properties: { level: 2 } }).where(eq(users.id, signed.user.id));
    await db.insert(userSites).values({ organizationId, userId: signed.user.id, siteId: site.id });
    await db.insert(teamMembers).values({ organizationId, userId: signed.user.id, teamId: team.id });
    await db
      .update(organizations)
      .set({ authzVersion: first.authzVersion + 5 })
      .where(eq(organizations.id, organizationId));

    // A second later, well inside the minute in which nothing is written: still read afresh.
    const second = await signedInAs(signed.token, after(signed.startedAt, 6_000));
    expect(second).toMatchObject({
      role: "manager",
      siteIds: [site.id],
      teamIds: [team.id],
      properties: { level: 2 },
      authzVersion: first.authzVersion + 5,
    });

    await db.delete(userSites).where(eq(userSites.userId, signed.user.id));
    await db.update(users).set({ role: "admin" }).where(eq(users.id, signed.user.id));
    expect(await signedInAs(signed.token, after(signed.startedAt, 7_000))).toMatchObject({ role: "admin", siteIds: [] });
  });
});
