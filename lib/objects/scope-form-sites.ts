import "server-only";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";

export interface ScopeFormSite {
  id: string;
  name: string;
  archived: boolean;
  /** One of the acting user's sites: a scope by sites keeps their access only if it holds one (or they own it). */
  yours: boolean;
}

/**
 * The sites a scope form offers: the organisation's live sites, and archived ones only where they are already in the
 * scope (they may stay, not be added: SPEC §9), by name.
 */
export async function loadScopeFormSites(
  db: Executor,
  user: { organizationId: string; siteIds: readonly string[] },
  inScope: readonly string[],
): Promise<ScopeFormSite[]> {
  const rows = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, user.organizationId), inScope.length > 0 ? or(isNull(sites.archivedAt), inArray(sites.id, [...inScope])) : isNull(sites.archivedAt)))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
  return rows.map((row) => ({ id: row.id, name: row.name, archived: row.archivedAt !== null, yours: user.siteIds.includes(row.id) }));
}
