import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, sites, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail } from "@/lib/result";
import { adminsOnlyMessage } from "./user-messages";

import { roleAllows } from "@/lib/authz/roles";
import { isUuid } from "@/lib/validation/uuid";

/**
 * Inside an account change's transaction: serialises it with the organisation's other account changes
 * (deactivations, demotions), then checks the actor is still an active Admin — they were read when the request
 * began and may have been demoted or deactivated since. NO KEY UPDATE, as deactivate-user.ts takes it, so inserts
 * that reference the organisation (FOR KEY SHARE) are not blocked meanwhile.
 */
export async function lockAsCurrentAdmin(tx: Executor, actor: ActingUser) {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, actor.organizationId)).for("no key update");
  const [current] = await tx
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.organizationId, actor.organizationId)));
  return current?.active && roleAllows(current.role, "administer") ? null : fail("forbidden", adminsOnlyMessage);
}

export interface SiteChoice {
  siteIds: string[];
  primarySiteId: string | null;
}

/**
 * Checks a user's new memberships (SPEC §1, §9): every site must be one of the organisation's, and a site the user
 * does not already belong to must not be archived (an existing membership of an archived site may be kept). The
 * primary site must be one of the chosen sites. Field errors are keyed `siteIds` and `primarySiteId`.
 */
export async function siteChoiceProblems(
  tx: Executor,
  organizationId: string,
  choice: SiteChoice,
  currentSiteIds: readonly string[] = [],
): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  const wellFormed = choice.siteIds.filter((id) => isUuid(id));
  const rows =
    wellFormed.length === 0
      ? []
      : await tx
          .select({ id: sites.id, archivedAt: sites.archivedAt })
          .from(sites)
          .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, wellFormed)));
  const known = new Map(rows.map((row) => [row.id, row]));
  if (choice.siteIds.some((id) => !known.has(id))) {
    fields.siteIds = "adminUsers.errors.sitesOfOrganisation";
  } else {
    const joinsArchived = choice.siteIds.some((id) => known.get(id)!.archivedAt && !currentSiteIds.includes(id));
    if (joinsArchived) fields.siteIds = "adminUsers.errors.archivedSites";
  }
  if (choice.primarySiteId !== null && !choice.siteIds.includes(choice.primarySiteId)) {
    fields.primarySiteId = "adminUsers.errors.primarySiteOutside";
  }
  return fields;
}
