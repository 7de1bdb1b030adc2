import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { memberUserIdSchema, organizationUsers, pickNewMember } from "./membership-users";
import {
  archivedSiteTakesNoMembers,
  bumpSiteVersion,
  isAdmin,
  lockMembershipUsers,
  lockSite,
  notAdminError,
  siteMemberIds,
  siteNotFound,
  toSiteView,
  writeSiteMembership,
  type SiteView,
} from "./site-records";
import { siteIdSchema } from "./site-schemas";

export const siteMemberSchema = z.object({
  siteId: siteIdSchema,
  userId: memberUserIdSchema,
});
export type SiteMemberInput = z.input<typeof siteMemberSchema>;

/**
 * Adds one user to a site (Admin): an active user of the organisation, not yet a member, on a site that is not
 * archived. The site row is locked first, so an archive running at the same moment either comes before (and the
 * addition is refused) or after.
 */
export async function addSiteMember(
  db: Database,
  actor: ActingUser,
  input: SiteMemberInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SiteView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(siteMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { siteId, userId } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    await lockMembershipUsers(tx, organizationId, [userId]);
    const site = await lockSite(tx, organizationId, siteId);
    if (!site) return siteNotFound();
    if (site.archivedAt) return fail("conflict", archivedSiteTakesNoMembers);
    const picked = await pickNewMember(tx, organizationId, userId);
    if (!picked.ok) return picked;
    const user = picked.data;
    const members = await siteMemberIds(tx, organizationId, siteId);
    if (members.includes(user.id)) return fail("invalid", "errors.fieldsNeedAttention", { userId: "adminSites.errors.alreadyMember" });

    await writeSiteMembership(tx, organizationId, siteId, { add: [user.id], remove: [] });
    const row = await bumpSiteVersion(tx, organizationId, siteId);
    await recordAdminChange(
      tx,
      actor,
      {
        action: "site.member_added",
        targetType: "site",
        targetId: siteId,
        before: { version: site.version },
        after: { userId: user.id, email: user.email, version: row.version },
      },
      context.clientAddress,
    );
    return ok(toSiteView(row, [...members, user.id].sort()));
  });
}

/** Removes one user from a site (Admin), archived or not: they lose the access the site's scope gave them. */
export async function removeSiteMember(
  db: Database,
  actor: ActingUser,
  input: SiteMemberInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SiteView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(siteMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { siteId, userId } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    await lockMembershipUsers(tx, organizationId, [userId]);
    const site = await lockSite(tx, organizationId, siteId);
    if (!site) return siteNotFound();
    const members = await siteMemberIds(tx, organizationId, siteId);
    const [user] = await organizationUsers(tx, organizationId, [userId]);
    if (!user || !members.includes(user.id)) return fail("conflict", "adminSites.errors.noLongerMember");

    await writeSiteMembership(tx, organizationId, siteId, { add: [], remove: [user.id] });
    const row = await bumpSiteVersion(tx, organizationId, siteId);
    await recordAdminChange(
      tx,
      actor,
      {
        action: "site.member_removed",
        targetType: "site",
        targetId: siteId,
        before: { userId: user.id, email: user.email, version: site.version },
        after: { version: row.version },
      },
      context.clientAddress,
    );
    return ok(toSiteView(row, members.filter((member) => member !== user.id)));
  });
}
