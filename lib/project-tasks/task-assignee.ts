import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { effectiveLevel, type ObjectAccessFacts } from "@/lib/authz/decide";
import { reaches } from "@/lib/authz/levels";
import { objectActionRequirements } from "@/lib/authz/object-actions";
import { roleAllows, rolesWithCapability } from "@/lib/authz/roles";
import { planFor, type AccessSubject } from "@/lib/authz/subject";

const assignment = objectActionRequirements.be_assigned;

/** Users as access decisions see them, with their account kind: assignees must be personal accounts. */
async function loadCandidates(db: Executor, organizationId: string, filter: { ids?: string[]; limit?: number }) {
  const query = db
    .select({
      id: users.id,
      name: users.name,
      kind: users.kind,
      role: users.role,
      active: users.active,
      properties: users.properties,
      organizationId: users.organizationId,
      authzVersion: organizations.authzVersion,
      siteIds: sql<string[]>`coalesce((select jsonb_agg(us.site_id) from user_sites us where us.user_id = ${users.id}), '[]'::jsonb)`,
      teamIds: sql<string[]>`coalesce((select jsonb_agg(tm.team_id) from team_members tm where tm.user_id = ${users.id}), '[]'::jsonb)`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.organizationId, organizationId),
        filter.ids ? inArray(users.id, filter.ids) : and(eq(users.active, true), eq(users.kind, "person"), inArray(users.role, [...rolesWithCapability[assignment.capability]])),
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  return filter.limit ? query.limit(filter.limit) : query;
}

/** Whether the subject reaches the level a task assignment needs on the project (SPEC §4: View, and a Viewer+ role). */
async function canBeAssigned(db: Executor, subject: AccessSubject, project: ObjectAccessFacts): Promise<boolean> {
  return reaches(effectiveLevel(await planFor(db, subject), subject, project), assignment.level);
}

/**
 * Why a user cannot be assigned a task of this project (a catalogue key for the `assigneeId` field), or null when
 * they can: an active personal account (never a shared-computer or integration account) of the organisation, whose
 * role may be assigned tasks (Viewer+) and who can view the project (`be_assigned`, decided for them).
 */
export async function assigneeRefusal(db: Executor, organizationId: string, assigneeId: string, project: ObjectAccessFacts): Promise<string | null> {
  const [candidate] = await loadCandidates(db, organizationId, { ids: [assigneeId] });
  if (!candidate) return "details.tasks.fields.assigneeUnknown";
  if (!candidate.active) return "details.tasks.fields.assigneeDeactivated";
  if (candidate.kind !== "person") return "details.tasks.fields.assigneeAccountKind";
  if (!roleAllows(candidate.role, assignment.capability)) return "details.tasks.fields.assigneeRole";
  return (await canBeAssigned(db, candidate, project)) ? null : "details.tasks.fields.assigneeCannotView";
}

// A select stays usable up to a few hundred people; the API takes any id that passes assigneeRefusal.
const assignableLimit = 500;

/** The people a task of this project may be given to (see assigneeRefusal), by name, for the task forms. */
export async function listAssignableUsers(db: Executor, organizationId: string, project: ObjectAccessFacts): Promise<{ id: string; name: string }[]> {
  const candidates = await loadCandidates(db, organizationId, { limit: assignableLimit });
  const assignable: { id: string; name: string }[] = [];
  for (const candidate of candidates) {
    if (await canBeAssigned(db, candidate, project)) assignable.push({ id: candidate.id, name: candidate.name });
  }
  return assignable;
}
