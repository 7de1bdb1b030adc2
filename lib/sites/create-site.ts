import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { organizations, sites } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { planMembershipChange } from "./membership-users";
import {
  duplicateSiteName,
  isAdmin,
  notAdminError,
  siteMemberIds,
  siteNameTaken,
  toSiteView,
  writeSiteMembership,
  type SiteView,
} from "./site-records";
import { siteNameSchema, timeZoneSchema, userIdListSchema } from "./site-schemas";

export const createSiteSchema = z.strictObject({
  name: siteNameSchema,
  /** Default: the organisation's time zone. */
  timeZone: timeZoneSchema.optional(),
  userIds: userIdListSchema.optional(),
});
export type CreateSiteInput = z.input<typeof createSiteSchema>;

/** Creates a site (Admin): a name unique in the organisation ignoring case, an IANA time zone, optional members. */
export async function createSite(
  db: Database,
  actor: ActingUser,
  input: CreateSiteInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SiteView>> {
  if (!isAdmin(actor)) return notAdminError();
  const parsed = parseInput(createSiteSchema, input);
  if (!parsed.ok) return parsed;
  const { name, userIds } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      const [organization] = await tx
        .select({ timeZone: organizations.timeZone })
        .from(organizations)
        .where(eq(organizations.id, organizationId));
      const timeZone = parsed.data.timeZone ?? organization?.timeZone ?? "UTC";
      if (await siteNameTaken(tx, organizationId, name)) return duplicateSiteName();

      const planned = await planMembershipChange(tx, organizationId, [], userIds ?? []);
      if (!planned.ok) return planned;

      const [row] = await tx.insert(sites).values({ organizationId, name, timeZone }).returning();
      if (!row) throw new Error("insert returned no site");
      await writeSiteMembership(tx, organizationId, row.id, planned.data);
      const members = await siteMemberIds(tx, organizationId, row.id);
      await recordAdminChange(
        tx,
        actor,
        { action: "site.created", targetType: "site", targetId: row.id, after: { name, timeZone, userIds: members } },
        context.clientAddress,
      );
      return ok(toSiteView(row, members));
    });
  } catch (error) {
    // Two Admins creating the same name at once: the unique index decides, the loser gets the field message.
    if (asUniqueViolation(error)?.constraint === "sites_org_name_unique") return duplicateSiteName();
    throw error;
  }
}
