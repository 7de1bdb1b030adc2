import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";

export interface SiteChoice {
  id: string;
  name: string;
  archived: boolean;
}

/**
 * The organisation's sites by name, for the workspace's filters and pickers: any signed-in user of the organisation
 * may know its sites (they name where objects come from); members and figures stay in the admin panel.
 */
export async function listSiteChoices(db: Executor, user: ActingUser): Promise<SiteChoice[]> {
  const rows = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(eq(sites.organizationId, user.organizationId))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
  return rows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null }));
}
