import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { uuidArray } from "@/db/array-parameters";
import { objects, sites, userSites, users, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";

export interface AnalyticsSite {
  id: string;
  name: string;
}

/** Whose figures the dashboard shows: the sites picked among those the viewer may pick. */
export interface AnalyticsScope {
  /** The sites the viewer may pick: every site of the organisation for Admins, their own for Managers. */
  choices: AnalyticsSite[];
  /** The picked site, or null for "all the sites I may pick". */
  siteId: string | null;
  /**
   * The sites the figures are cut to, or null for no cut (an Admin on all sites: also objects with no origin site,
   * and users on no site).
   */
  siteIds: string[] | null;
}

/**
 * The viewer's site choices and the picked site. A site outside the choices — another organisation's, or for a
 * Manager a site that is not theirs — is refused (422 on `siteId`), never widened to "all" or narrowed silently.
 */
export async function resolveAnalyticsScope(db: Executor, user: ActingUser, siteId: string | undefined): Promise<Result<AnalyticsScope>> {
  const all = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(eq(sites.organizationId, user.organizationId))
    .orderBy(asc(sites.name));
  const choices = user.role === "admin" ? all : all.filter((site) => user.siteIds.includes(site.id));
  if (siteId !== undefined && !choices.some((site) => site.id === siteId)) {
    return fail("invalid", "errors.fieldsNeedAttention", { siteId: user.role === "admin" ? "analytics.errors.siteUnknown" : "analytics.errors.siteNotYours" });
  }
  const siteIds = siteId !== undefined ? [siteId] : user.role === "admin" ? null : choices.map((site) => site.id);
  return ok({ choices, siteId: siteId ?? null, siteIds });
}

/**
 * The objects of one type an object figure counts: those the viewer may see (the authorization predicate, at the
 * level of seeing at all), attributed to their origin site. Null when the viewer can see none.
 */
export async function countedObjectsSql(db: Executor, user: ActingUser, scope: AnalyticsScope, type: ObjectType): Promise<SQL | null> {
  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, {
    organizationId: user.organizationId,
    minLevel: "view_no_download",
    type,
    use: "count",
  });
  if (filter.never) return null;
  if (scope.siteIds === null) return filter.where;
  if (scope.siteIds.length === 0) return null;
  return and(filter.where, sql`${objects.originSiteId} = any(${uuidArray(scope.siteIds)})`)!;
}

/** The users whose usage a figure shows: every user of the organisation, or the members of the scope's sites. */
export function countedUsersSql(user: ActingUser, scope: AnalyticsScope): SQL {
  const ofOrganization = and(eq(users.organizationId, user.organizationId), sql`${users.kind} <> 'service'`)!;
  if (scope.siteIds === null) return ofOrganization;
  return and(
    ofOrganization,
    sql`exists (select 1 from ${userSites} where ${userSites.userId} = ${users.id} and ${userSites.siteId} = any(${uuidArray(scope.siteIds)}))`,
  )!;
}
