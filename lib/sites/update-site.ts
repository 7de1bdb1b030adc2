import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { planMembershipChange } from "./membership-users";
import {
  archivedSiteTakesNoMembers,
  bumpSiteVersion,
  duplicateSiteName,
  isAdmin,
  lockMembershipUsers,
  lockSite,
  notAdminError,
  siteMemberIds,
  siteNameTaken,
  siteNotFound,
  staleSiteError,
  toSiteView,
  writeSiteMembership,
  type SiteView,
} from "./site-records";
import { flagSchema, rowVersionSchema, siteIdSchema, siteNameSchema, timeZoneSchema, userIdListSchema } from "./site-schemas";
import { isUuid } from "@/lib/validation/uuid";

export const updateSiteSchema = z.strictObject({
  id: siteIdSchema,
  name: siteNameSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  /** Archive (true) or bring back (false). */
  archived: flagSchema.optional(),
  /** The whole membership, replacing the current one. */
  userIds: userIdListSchema.optional(),
  /** The version the editor read; when given, a change made on a stale view is refused. */
  version: rowVersionSchema.optional(),
});
export type UpdateSiteInput = z.input<typeof updateSiteSchema>;

/**
 * Renames a site, changes its time zone, archives or unarchives it, or replaces its membership (Admin). Archived
 * sites keep their members and their members' access but take no new member (SPEC §9); removing members is still
 * allowed. Each change bumps the site's version and the organisation's authorization version, and is audited with
 * the fields before and after.
 */
export async function updateSite(
  db: Database,
  actor: ActingUser,
  input: UpdateSiteInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SiteView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(updateSiteSchema, input);
  if (!parsed.ok) return parsed;
  const { id, name, timeZone, archived, userIds, version } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      // Users first, then the site (see lockSite): the current members as read now and the wanted ones.
      if (userIds !== undefined && isUuid(id)) await lockMembershipUsers(tx, organizationId, [...(await siteMemberIds(tx, organizationId, id)), ...userIds]);
      const site = await lockSite(tx, organizationId, id);
      if (!site) return siteNotFound();
      if (version !== undefined && version !== site.version) return staleSiteError();
      const members = await siteMemberIds(tx, organizationId, id);

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Parameters<typeof bumpSiteVersion>[3] = {};
      if (name !== undefined && name !== site.name) {
        if (await siteNameTaken(tx, organizationId, name, id)) return duplicateSiteName();
        before.name = site.name;
        after.name = name;
        set.name = name;
      }
      if (timeZone !== undefined && timeZone !== site.timeZone) {
        before.timeZone = site.timeZone;
        after.timeZone = timeZone;
        set.timeZone = timeZone;
      }
      const wasArchived = site.archivedAt !== null;
      const willBeArchived = archived ?? wasArchived;
      if (willBeArchived !== wasArchived) {
        before.archived = wasArchived;
        after.archived = willBeArchived;
        set.archivedAt = willBeArchived ? new Date() : null;
      }
      let change = { add: [] as string[], remove: [] as string[] };
      if (userIds !== undefined) {
        const planned = await planMembershipChange(tx, organizationId, members, userIds, willBeArchived ? archivedSiteTakesNoMembers : undefined);
        if (!planned.ok) return planned;
        change = planned.data;
        if (change.add.length + change.remove.length > 0) {
          before.userIds = members;
          after.userIds = [...members.filter((member) => !change.remove.includes(member)), ...change.add].sort();
        }
      }
      // Nothing to change: no version bump, no audit entry.
      if (Object.keys(after).length === 0) return ok(toSiteView(site, members));

      await writeSiteMembership(tx, organizationId, id, change);
      const row = await bumpSiteVersion(tx, organizationId, id, set);
      const changed = Object.keys(after);
      const action =
        changed.length === 1 && changed[0] === "archived" ? (willBeArchived ? "site.archived" : "site.unarchived") : "site.updated";
      await recordAdminChange(
        tx,
        actor,
        { action, targetType: "site", targetId: id, before: { ...before, version: site.version }, after: { ...after, version: row.version } },
        context.clientAddress,
      );
      return ok(toSiteView(row, await siteMemberIds(tx, organizationId, id)));
    });
  } catch (error) {
    if (name !== undefined && asUniqueViolation(error)?.constraint === "sites_org_name_unique") return duplicateSiteName();
    throw error;
  }
}
