import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";

/**
 * Why these sites cannot make a scope, or null when they can: every one must be a site of the organisation, and
 * archived sites cannot be picked for a new scope (SPEC §9) — one already in the scope being changed may stay.
 */
export async function scopeSiteProblem(
  db: Executor,
  organizationId: string,
  siteIds: readonly string[],
  alreadyInScope: readonly string[] = [],
): Promise<string | null> {
  if (siteIds.length === 0) return null;
  const found = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, [...siteIds])));
  if (found.length < siteIds.length) return "Some of these sites do not exist.";
  const newlyArchived = found.filter((site) => site.archivedAt && !alreadyInScope.includes(site.id));
  if (newlyArchived.length === 0) return null;
  const names = newlyArchived.map((site) => site.name).join(", ");
  return `${names} ${newlyArchived.length > 1 ? "are" : "is"} archived: archived sites cannot be picked for a new scope.`;
}
