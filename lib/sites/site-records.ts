import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, userSites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail } from "@/lib/result";
import { isUuid } from "@/lib/validation/uuid";

export type SiteRow = typeof sites.$inferSelect;

/** A site as the API answers it (API.md), with its time zone and the version a PATCH may state. */
export interface SiteView {
  id: string;
  name: string;
  timeZone: string;
  archived: boolean;
  version: number;
  /** Every membership row of the site (deactivated members included: they keep it). */
  userIds: string[];
}

export const notAdminError = () => fail("forbidden", "adminSites.errors.adminsOnly");
export const siteNotFound = () => fail("not_found", "adminSites.errors.notFound");
export const staleSiteError = () => fail("conflict", "adminSites.errors.stale");
export const duplicateSiteName = () => fail("invalid", "errors.fieldsNeedAttention", { name: "adminSites.errors.nameTaken" });

export const archivedSiteTakesNoMembers = "adminSites.errors.archivedTakesNoMembers";

export function isAdmin(actor: ActingUser): boolean {
  return roleAllows(actor.role, "administer");
}

/**
 * The site of the actor's organisation, locked for the rest of the transaction; null for unknown or foreign ids.
 * FOR NO KEY UPDATE: site changes queue behind each other, but a membership row written elsewhere (its foreign key
 * takes FOR KEY SHARE on the site) is not held up. Lock order: the users a change touches first
 * (`lockMembershipUsers`), then the site — the order the user page follows too (user row, then its sites).
 */
export async function lockSite(tx: Executor, organizationId: string, id: string): Promise<SiteRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select()
    .from(sites)
    .where(and(eq(sites.id, id), eq(sites.organizationId, organizationId)))
    .for("no key update");
  return row ?? null;
}

/**
 * Locks the user rows a membership change will touch (their version moves), in id order, before the site is
 * locked: a user-page save holding one of them finishes first, so the two never wait on each other in a circle.
 */
export async function lockMembershipUsers(tx: Executor, organizationId: string, ids: readonly string[]): Promise<void> {
  const wanted = [...new Set(ids)].filter(isUuid).sort();
  if (wanted.length === 0) return;
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, wanted)))
    .orderBy(asc(users.id))
    .for("no key update");
}

/** Another site of the organisation already carrying this name, ignoring case (sites_org_name_unique). */
export async function siteNameTaken(tx: Executor, organizationId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), sql`lower(${sites.name}) = lower(${name})`));
  return rows.some((row) => row.id !== exceptId);
}

export async function siteMemberIds(tx: Executor, organizationId: string, siteId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: userSites.userId })
    .from(userSites)
    .where(and(eq(userSites.organizationId, organizationId), eq(userSites.siteId, siteId)))
    .orderBy(asc(userSites.userId));
  return rows.map((row) => row.userId);
}

export function toSiteView(row: SiteRow, userIds: string[]): SiteView {
  return { id: row.id, name: row.name, timeZone: row.timeZone, archived: row.archivedAt !== null, version: row.version, userIds };
}

/**
 * Writes a membership change of one site: adds and removes user_sites rows — the one table the site page and the
 * user page both read and write — and bumps the version of every user whose sites changed, so a user form opened
 * before the change is refused as stale instead of silently putting the old list back. A user who leaves the site
 * that was their primary one loses it as primary (the create form then defaults to another of their sites).
 */
export async function writeSiteMembership(
  tx: Executor,
  organizationId: string,
  siteId: string,
  change: { add: readonly string[]; remove: readonly string[] },
): Promise<void> {
  const now = new Date();
  if (change.add.length > 0) {
    await tx
      .insert(userSites)
      .values(change.add.map((userId) => ({ organizationId, siteId, userId })))
      .onConflictDoNothing();
    await tx
      .update(users)
      .set({ version: sql`${users.version} + 1`, updatedAt: now })
      .where(and(eq(users.organizationId, organizationId), inArray(users.id, [...change.add])));
  }
  if (change.remove.length > 0) {
    await tx
      .delete(userSites)
      .where(and(eq(userSites.organizationId, organizationId), eq(userSites.siteId, siteId), inArray(userSites.userId, [...change.remove])));
    await tx
      .update(users)
      .set({
        version: sql`${users.version} + 1`,
        updatedAt: now,
        primarySiteId: sql`case when ${users.primarySiteId} = ${siteId}::uuid then null else ${users.primarySiteId} end`,
      })
      .where(and(eq(users.organizationId, organizationId), inArray(users.id, [...change.remove])));
  }
}

/** Bumps the site's own version (every change to it, memberships included) and returns the row after. */
export async function bumpSiteVersion(tx: Executor, organizationId: string, siteId: string, set: Partial<Pick<SiteRow, "name" | "timeZone" | "archivedAt">> = {}): Promise<SiteRow> {
  const [row] = await tx
    .update(sites)
    .set({ ...set, version: sql`${sites.version} + 1`, updatedAt: new Date() })
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, organizationId)))
    .returning();
  if (!row) throw new Error(`site ${siteId} vanished while locked`);
  return row;
}
