import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizations, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authzContextFor } from "./authz-context";
import { planRules, type RuleSubject, type UserPlan } from "./plan";

/** A user as access decisions see them: identity, role, memberships and property values. */
export interface AccessSubject extends RuleSubject {
  organizationId: string;
  authzVersion: number;
}

export function subjectOf(user: ActingUser): AccessSubject {
  return { ...user, active: true };
}

/** Any user of the organisation as a subject (the Share tab's "effective access of a chosen user"). */
export async function loadAccessSubject(db: Executor, organizationId: string, userId: string): Promise<AccessSubject | null> {
  const [row] = await db
    .select({
      id: users.id,
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
    .where(and(eq(users.id, userId), eq(users.organizationId, organizationId)));
  return row ?? null;
}

const planCacheSize = 5_000;
const plans = new Map<string, UserPlan>();

/**
 * The subject's plan, cached by (subject, authorization version): any change to rules, memberships, roles, teams or
 * user property values bumps the version, so a cached plan is never used after such a change.
 */
export async function planFor(db: Executor, subject: AccessSubject): Promise<UserPlan> {
  const key = `${subject.id}:${subject.authzVersion}`;
  const cached = plans.get(key);
  if (cached) return cached;
  const plan = planRules(subject, await authzContextFor(db, subject.organizationId, subject.authzVersion));
  if (plans.size >= planCacheSize) plans.delete(plans.keys().next().value!);
  plans.set(key, plan);
  return plan;
}
