import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, userSites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Locale } from "@/lib/i18n/locales";
import { renderMessage } from "@/lib/i18n/render-error";

/**
 * The line stamped on every page of a downloaded PDF (SPEC §5, §9): who downloaded it, their site (the primary one
 * first), when (UTC, unambiguous wherever the copy turns up) and the access-log entry that records the download.
 */
export async function forensicMark(db: Executor, user: ActingUser, entryId: number, at: Date, locale: Locale): Promise<string> {
  const siteRows = await db
    .select({ name: sites.name })
    .from(userSites)
    .innerJoin(sites, and(eq(sites.id, userSites.siteId), eq(sites.organizationId, userSites.organizationId)))
    .innerJoin(users, and(eq(users.id, userSites.userId), eq(users.organizationId, userSites.organizationId)))
    .where(and(eq(userSites.userId, user.id), eq(userSites.organizationId, user.organizationId)))
    .orderBy(sql`${sites.id} = ${users.primarySiteId} desc`, asc(sites.name));
  const site = siteRows.length > 0 ? siteRows.map((row) => row.name).join(", ") : renderMessage(locale, "previews.stamp.noSite");
  const time = `${at.toISOString().slice(0, 19).replace("T", " ")} UTC`;
  return renderMessage(locale, "previews.stamp.downloaded", { name: user.name, email: user.email, site, time, entry: entryId });
}
