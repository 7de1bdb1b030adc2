import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, userSites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { ok, type Result } from "@/lib/result";
import { activeUsersWithout, memberUserColumns, type MemberUser } from "./membership-users";
import { isAdmin, notAdminError, siteNotFound } from "./site-records";

import type { SiteSummary } from "./list-sites";
import { isUuid } from "@/lib/validation/uuid";

export interface SiteMember extends MemberUser {
  since: Date;
}

export interface SiteDetails {
  site: SiteSummary;
  members: SiteMember[];
  /** Who the member picker offers: active users of the organisation not yet on the site (none when archived). */
  candidates: MemberUser[];
}

/** One site with its members and the users who could join it (the admin site page). Admin only. */
export async function getSiteDetails(db: Executor, actor: ActingUser, input: { id: string }): Promise<Result<SiteDetails>> {
  if (!isAdmin(actor)) return notAdminError();
  if (!isUuid(input.id)) return siteNotFound();
  const organizationId = actor.organizationId;
  const [site] = await db
    .select()
    .from(sites)
    .where(and(eq(sites.id, input.id), eq(sites.organizationId, organizationId)));
  if (!site) return siteNotFound();

  const members = await db
    .select({ ...memberUserColumns, since: userSites.createdAt })
    .from(userSites)
    .innerJoin(users, and(eq(users.id, userSites.userId), eq(users.organizationId, userSites.organizationId)))
    .where(and(eq(userSites.organizationId, organizationId), eq(userSites.siteId, site.id)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email));
  const candidates = site.archivedAt
    ? []
    : await activeUsersWithout(
        db,
        organizationId,
        db
          .select({ one: sql`1` })
          .from(userSites)
          .where(and(eq(userSites.siteId, site.id), eq(userSites.userId, users.id))),
      );
  return ok({
    site: {
      id: site.id,
      name: site.name,
      timeZone: site.timeZone,
      archivedAt: site.archivedAt,
      version: site.version,
      memberCount: members.length,
      activeMemberCount: members.filter((member) => member.active).length,
    },
    members,
    candidates,
  });
}
