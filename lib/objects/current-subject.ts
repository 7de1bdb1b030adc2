import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { loadAccessSubject, subjectOf, type AccessSubject } from "@/lib/authz/subject";

/**
 * The acting user as access decisions must see them now, inside a write's transaction: the request's copy while
 * the organisation's authorization version is unchanged, else re-read (a rule, membership, role or property
 * changed since the request began). A user gone meanwhile comes back inactive, so no rule matches them.
 */
export async function currentSubject(db: Executor, user: ActingUser): Promise<AccessSubject> {
  const [organization] = await db
    .select({ authzVersion: organizations.authzVersion })
    .from(organizations)
    .where(eq(organizations.id, user.organizationId));
  if (!organization || organization.authzVersion === user.authzVersion) return subjectOf(user);
  const fresh = await loadAccessSubject(db, user.organizationId, user.id);
  return fresh ?? { ...subjectOf(user), active: false, authzVersion: organization.authzVersion };
}
