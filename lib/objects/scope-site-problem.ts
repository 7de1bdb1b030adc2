import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";

/** Why sites cannot make a scope: the field's message, and the refusal's own (naming archived sites). */
export interface ScopeSiteProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

/**
 * Why these sites cannot make a scope, or null when they can: every one must be a site of the organisation, and
 * archived sites cannot be picked for a new scope (SPEC §9) — one already in the scope being changed may stay.
 */
export async function scopeSiteProblem(
  db: Executor,
  organizationId: string,
  siteIds: readonly string[],
  alreadyInScope: readonly string[] = [],
): Promise<ScopeSiteProblem | null> {
  if (siteIds.length === 0) return null;
  const found = await db
    .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, [...siteIds])));
  if (found.length < siteIds.length) return { field: "objects.scope.sitesUnknown", message: "errors.fieldsNeedAttention" };
  const newlyArchived = found.filter((site) => site.archivedAt && !alreadyInScope.includes(site.id));
  if (newlyArchived.length === 0) return null;
  return {
    field: "objects.scope.sitesArchived",
    message: "objects.errors.sitesArchived",
    params: { names: newlyArchived.map((site) => site.name).join(", "), count: newlyArchived.length },
  };
}
