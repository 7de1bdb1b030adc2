import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

export type TeamRow = typeof teams.$inferSelect;

/** A team as the API answers it (API.md), with the version a PATCH or DELETE may state. */
export interface TeamView {
  id: string;
  name: string;
  version: number;
  userIds: string[];
}

export const notAdminError = () => fail("forbidden", "adminTeams.errors.adminsOnly");
export const teamNotFound = () => fail("not_found", "adminTeams.errors.notFound");
export const staleTeamError = () => fail("conflict", "adminTeams.errors.stale");
export const duplicateTeamName = () => fail("invalid", "errors.fieldsNeedAttention", { name: "adminTeams.errors.nameTaken" });

export function isAdmin(actor: ActingUser): boolean {
  return roleAllows(actor.role, "administer");
}

/**
 * The team of the actor's organisation, locked for the rest of the transaction (FOR NO KEY UPDATE: team changes
 * queue behind each other without holding up rows that merely reference the team); null for unknown or foreign ids.
 */
export async function lockTeam(tx: Executor, organizationId: string, id: string): Promise<TeamRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), eq(teams.organizationId, organizationId)))
    .for("no key update");
  return row ?? null;
}

/** Another team of the organisation already carrying this name, ignoring case (teams_org_name_unique). */
export async function teamNameTaken(tx: Executor, organizationId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, organizationId), sql`lower(${teams.name}) = lower(${name})`));
  return rows.some((row) => row.id !== exceptId);
}

export async function teamMemberIds(tx: Executor, organizationId: string, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.teamId, teamId)))
    .orderBy(asc(teamMembers.userId));
  return rows.map((row) => row.userId);
}

export function toTeamView(row: TeamRow, userIds: string[]): TeamView {
  return { id: row.id, name: row.name, version: row.version, userIds };
}

/** Adds and removes team_members rows of one team. */
export async function writeTeamMembership(
  tx: Executor,
  organizationId: string,
  teamId: string,
  change: { add: readonly string[]; remove: readonly string[] },
): Promise<void> {
  if (change.add.length > 0) {
    await tx
      .insert(teamMembers)
      .values(change.add.map((userId) => ({ organizationId, teamId, userId })))
      .onConflictDoNothing();
  }
  if (change.remove.length > 0) {
    await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, [...change.remove])));
  }
}

/** Bumps the team's version (every change to it, memberships included) and returns the row after. */
export async function bumpTeamVersion(tx: Executor, organizationId: string, teamId: string, set: Partial<Pick<TeamRow, "name">> = {}): Promise<TeamRow> {
  const [row] = await tx
    .update(teams)
    .set({ ...set, version: sql`${teams.version} + 1`, updatedAt: new Date() })
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, organizationId)))
    .returning();
  if (!row) throw new Error(`team ${teamId} vanished while locked`);
  return row;
}
