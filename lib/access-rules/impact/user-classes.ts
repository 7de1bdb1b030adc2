import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { accessLevels, teamMembers, userSites, users, type AccessLevel } from "@/db/schema";
import type { AuthzContext, RuleFacts } from "@/lib/authz/authz-context";
import { levelRank } from "@/lib/authz/levels";
import { ruleMatchesSubject, type RuleSubject } from "@/lib/authz/plan";
import { broadInstance, instanceFor, instancesDisjoint, InstanceRegistry } from "./instances";

/*
 * Users → classes. Only the changed rule differs between before and after, so user U gains level L on object O iff
 * the new version grants U at least L on O, the old version does not, and no unchanged rule of level ≥ L does — with O
 * in U's scope. Users whose planning reads the same attributes get the same instances: they are planned once, and for
 * each direction and level the users with the same granting instance and the same rival instances form a class.
 */

export type Direction = "gained" | "lost";

/** One direction and level of the answer. */
export interface Combo {
  index: number;
  direction: Direction;
  level: AccessLevel;
}

export const combos: readonly Combo[] = accessLevels.flatMap((level, levelIndex) => [
  { index: levelIndex * 2, direction: "gained" as const, level },
  { index: levelIndex * 2 + 1, direction: "lost" as const, level },
]);

export interface ImpactUser extends RuleSubject {
  name: string;
}

/**
 * Users who, for one direction and level, get `granting` from the changed rule's version of that direction and could
 * also get the level from the `excluded` instances (the other version, unchanged rules): they gain or lose the level on
 * exactly the objects in their scope that match `granting` and none of `excluded`.
 */
export interface UserClass {
  granting: number;
  excluded: number[];
  members: ImpactUser[];
  /** The planning groups the members come from: two levels with the same classes have the same answer. */
  groups: number[];
}

export interface ChangedRule {
  /** The stored rule that changes (null for a new one): left out of the unchanged rules. */
  changedRuleId: string | null;
  before: RuleFacts | null;
  after: RuleFacts | null;
}

export interface Classification {
  instances: InstanceRegistry;
  /** Classes by combo index (absent: nobody can gain or lose that level in that direction). */
  byCombo: Map<number, UserClass[]>;
}

/** The organisation's active users with their sites and teams: only active users match rules (SPEC §9). */
export async function loadActiveUsers(db: Executor, organizationId: string): Promise<ImpactUser[]> {
  const [rows, siteRows, teamRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, role: users.role, properties: users.properties })
      .from(users)
      .where(and(eq(users.organizationId, organizationId), eq(users.active, true))),
    db.select({ userId: userSites.userId, siteId: userSites.siteId }).from(userSites).where(eq(userSites.organizationId, organizationId)),
    db.select({ userId: teamMembers.userId, teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.organizationId, organizationId)),
  ]);
  const byId = new Map(rows.map((row) => [row.id, { ...row, active: true, siteIds: [] as string[], teamIds: [] as string[] }]));
  for (const row of siteRows) byId.get(row.userId)?.siteIds.push(row.siteId);
  for (const row of teamRows) byId.get(row.userId)?.teamIds.push(row.teamId);
  return [...byId.values()];
}

/** Unchanged rules that could grant an object either version of the changed rule matches; the others cannot matter. */
function rivalRules(context: AuthzContext, change: ChangedRule): RuleFacts[] {
  const sides = [change.before, change.after].filter((rule): rule is RuleFacts => rule !== null).map((rule) => broadInstance(rule, context));
  return context.rules.filter((rule) => {
    if (rule.id === change.changedRuleId) return false;
    const broad = broadInstance(rule, context);
    return sides.some((side) => !instancesDisjoint(broad, side));
  });
}

/** Users whose planning reads the same attributes: role, the named sites, teams and users, the read property values. */
function planningGroups(activeUsers: readonly ImpactUser[], rules: readonly RuleFacts[]): ImpactUser[][] {
  const sites = new Set(rules.flatMap((rule) => rule.users.siteIds));
  const teams = new Set(rules.flatMap((rule) => rule.users.teamIds));
  const named = new Set(rules.flatMap((rule) => rule.users.userIds));
  const properties = [
    ...new Set(rules.flatMap((rule) => [...rule.users.properties.map((condition) => condition.propertyId), ...rule.match.map((match) => match.userPropertyId)])),
  ].sort();
  const groups = new Map<string, ImpactUser[]>();
  for (const user of activeUsers) {
    const key = JSON.stringify([
      user.role,
      user.siteIds.filter((id) => sites.has(id)).sort(),
      user.teamIds.filter((id) => teams.has(id)).sort(),
      named.has(user.id) ? user.id : "",
      properties.map((id) => user.properties[id] ?? null),
    ]);
    const group = groups.get(key);
    if (group) group.push(user);
    else groups.set(key, [user]);
  }
  return [...groups.values()];
}

/** The instances a group of users gets: of both versions of the changed rule (-1: none), and of the rivals with levels. */
interface GroupInstances {
  before: number;
  after: number;
  rivals: { instance: number; rank: number }[];
}

/**
 * Plans rules per group, caching instances: a rule without a match has the same instance for everybody, one with
 * matches the same for every user with the same matched values.
 */
function instancePlanner(context: AuthzContext, registry: InstanceRegistry) {
  const cache = new Map<string, number>();
  return (rule: RuleFacts, subject: RuleSubject, cacheKey: string): number => {
    if (!ruleMatchesSubject(rule, subject, context)) return -1;
    const key = rule.match.length === 0 ? cacheKey : `${cacheKey}|${JSON.stringify(rule.match.map((match) => subject.properties[match.userPropertyId] ?? null))}`;
    let index = cache.get(key);
    if (index === undefined) {
      const instance = instanceFor(rule, subject, context);
      index = instance ? registry.indexOf(instance) : -1;
      cache.set(key, index);
    }
    return index;
  };
}

/**
 * For one direction and level, a group's class: its granting instance and the rivals that could overlap it — or null
 * when its version of that direction does not reach the level, or a rival covers it (nothing can change).
 */
function classSignature(
  combo: Combo,
  planned: GroupInstances,
  change: ChangedRule,
  registry: InstanceRegistry,
): { granting: number; excluded: number[] } | null {
  const rank = levelRank(combo.level);
  const gained = combo.direction === "gained";
  const [granting, grantingRule] = gained ? [planned.after, change.after] : [planned.before, change.before];
  const [opposite, oppositeRule] = gained ? [planned.before, change.before] : [planned.after, change.after];
  if (granting < 0 || !grantingRule || levelRank(grantingRule.level) < rank) return null;
  const rivals = planned.rivals.filter((rival) => rival.rank >= rank).map((rival) => rival.instance);
  if (opposite >= 0 && oppositeRule && levelRank(oppositeRule.level) >= rank) rivals.push(opposite);
  const overlapping = [...new Set(rivals)].filter((rival) => !registry.disjoint(rival, granting));
  if (overlapping.some((rival) => registry.covers(rival, granting))) return null;
  return { granting, excluded: overlapping.sort((a, b) => a - b) };
}

/** Sorts the organisation's active users into classes, for every direction and level. */
export function classifyUsers(context: AuthzContext, change: ChangedRule, activeUsers: readonly ImpactUser[]): Classification {
  const registry = new InstanceRegistry();
  const byCombo = new Map<number, UserClass[]>();
  if (!change.before && !change.after) return { instances: registry, byCombo };

  const rivalsOfChange = rivalRules(context, change);
  const relevant = [...rivalsOfChange, ...(change.before ? [change.before] : []), ...(change.after ? [change.after] : [])];
  const plan = instancePlanner(context, registry);
  const bySignature = new Map<string, UserClass>();
  planningGroups(activeUsers, relevant).forEach((members, groupIndex) => {
    const representative = members[0]!;
    const planned: GroupInstances = {
      before: change.before ? plan(change.before, representative, "before") : -1,
      after: change.after ? plan(change.after, representative, "after") : -1,
      rivals: [],
    };
    if (planned.before < 0 && planned.after < 0) return;
    for (const rule of rivalsOfChange) {
      const instance = plan(rule, representative, rule.id);
      if (instance >= 0) planned.rivals.push({ instance, rank: levelRank(rule.level) });
    }
    for (const combo of combos) {
      const signature = classSignature(combo, planned, change, registry);
      if (!signature) continue;
      const key = `${combo.index}|${signature.granting}|${signature.excluded.join(",")}`;
      const existing = bySignature.get(key);
      if (existing) {
        existing.members.push(...members);
        existing.groups.push(groupIndex);
        continue;
      }
      const userClass: UserClass = { ...signature, members: [...members], groups: [groupIndex] };
      bySignature.set(key, userClass);
      const list = byCombo.get(combo.index);
      if (list) list.push(userClass);
      else byCombo.set(combo.index, [userClass]);
    }
  });
  return { instances: registry, byCombo };
}

/**
 * Combos whose classes are the same (same instances, same users) as an earlier combo's: their answer is that combo's.
 * Typically "view without download" and "view" when no rival rule grants exactly one of them.
 */
export function sameAnswerAs(byCombo: ReadonlyMap<number, UserClass[]>): Map<number, number> {
  const first = new Map<string, number>();
  const sameAs = new Map<number, number>();
  for (const combo of combos) {
    const list = byCombo.get(combo.index);
    if (!list) continue;
    const fingerprint = list
      .map((userClass) => `${userClass.granting}|${userClass.excluded.join(",")}|${userClass.groups.join(",")}`)
      .sort()
      .join(";");
    const earlier = first.get(fingerprint);
    if (earlier === undefined) first.set(fingerprint, combo.index);
    else sameAs.set(combo.index, earlier);
  }
  return sameAs;
}
