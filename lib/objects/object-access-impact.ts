import "server-only";
import type { Executor } from "@/db/client";
import { accessLevels, type AccessLevel, type PropertyValues } from "@/db/schema";
import { loadActiveUsers, type ImpactUser } from "@/lib/access-rules/impact/user-classes";
import { roleLimits, type RoleLimit } from "@/lib/access-rules/impact/role-limits";
import type { ImpactSampleUser } from "@/lib/access-rules/rule-impact";
import { authzContextFor, type AuthzContext } from "@/lib/authz/authz-context";
import { effectiveLevel, type ObjectAccessFacts } from "@/lib/authz/decide";
import { levelRank, type EffectiveLevel } from "@/lib/authz/levels";
import { planRules, ruleCoversObject } from "@/lib/authz/plan";
import type { PropertyValuesPatch } from "@/lib/properties/validate-property-values";

/*
 * Who gains or loses which level on ONE object when its facts change (its property values or its scope): the
 * access-change warning of the edit and scope forms, and the figures of the `object.access_changed` audit entry.
 *
 * Every active user of the organisation is decided before and after with the decision itself (`planRules` +
 * `effectiveLevel`, lib/authz/decide.ts), in memory: three queries load the users with their sites and teams (as the
 * rule impact preview loads them), and nothing is asked per user. Two things keep it cheap for thousands of users:
 * - a change that touches neither the scope nor any property a rule reads cannot change a decision, so it is answered
 *   without loading anyone;
 * - users are planned only with the rules that can cover the object before or after the change (a rule whose object
 *   side misses the object grants it to nobody), a handful instead of the organisation's hundreds.
 * User U gains level L when L is above U's level before and at most U's level after; loses it the other way round.
 */

/** Levels a change gives (or takes) to exactly the same users, told once ("12 users gain View without download and View"). */
export interface AccessChangeGroup {
  /** Lowest first. */
  levels: AccessLevel[];
  users: number;
  /** The first 5 of those users, by name. */
  sampleUsers: ImpactSampleUser[];
  /** Those whose role cannot use the group's highest level (SPEC §2), by the level their role stops at. */
  roleLimits: RoleLimit[];
}

export interface LevelChange {
  level: AccessLevel;
  /** Active users who reach the level after the change and not before. */
  gained: number;
  /** Active users who reach it before and not after. */
  lost: number;
}

export interface ObjectAccessImpact {
  objectId: string;
  /** False when nobody's level changes: the form saves without asking. */
  changesAccess: boolean;
  /** Every level, lowest first. */
  levels: LevelChange[];
  gained: AccessChangeGroup[];
  lost: AccessChangeGroup[];
  /** Active users reaching each level, before and after the change. */
  usersByLevel: { before: Record<AccessLevel, number>; after: Record<AccessLevel, number> };
  /** The acting user's own level before and after. */
  you: { before: EffectiveLevel; after: EffectiveLevel };
  /** How many active users were decided (0 when the change could not alter any decision). */
  usersDecided: number;
  computedInMs: number;
}

export interface AccessImpactSubject {
  id: string;
  organizationId: string;
  authzVersion: number;
}

const sampleSize = 5;

/** The facts an object will have once a validated property patch is written (what `||` and `-` do in SQL). */
export function withPropertyPatch(facts: ObjectAccessFacts, patch: PropertyValuesPatch): ObjectAccessFacts {
  const properties: PropertyValues = { ...facts.properties, ...patch.set };
  for (const propertyId of patch.clear) delete properties[propertyId];
  return { ...facts, properties };
}

/** The property ids some enabled rule reads on objects: a condition on the object, or the object side of a match. */
function propertiesRulesRead(context: AuthzContext): Set<string> {
  const read = new Set<string>();
  for (const rule of context.rules) {
    for (const condition of rule.objects.properties) read.add(condition.propertyId);
    for (const match of rule.match) read.add(match.objectPropertyId);
  }
  return read;
}

function sameSites(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Whether the change can alter some decision: the facts the decision reads differ. */
function canAlterAccess(context: AuthzContext, before: ObjectAccessFacts, after: ObjectAccessFacts): boolean {
  if (before.type !== after.type || before.ownerId !== after.ownerId || before.trashed !== after.trashed) return true;
  if (before.scopeKind !== after.scopeKind) return true;
  if (before.scopeKind === "sites" && !sameSites(before.scopeSiteIds, after.scopeSiteIds)) return true;
  for (const propertyId of propertiesRulesRead(context)) {
    if (JSON.stringify(before.properties[propertyId] ?? null) !== JSON.stringify(after.properties[propertyId] ?? null)) return true;
  }
  return false;
}

function countsByLevel(): Record<AccessLevel, number> {
  return Object.fromEntries(accessLevels.map((level) => [level, 0])) as Record<AccessLevel, number>;
}

function byName(a: ImpactUser, b: ImpactUser): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

/** Adjacent levels with the same users merged (a user who gains two levels gains every level between them). */
function groupsOf(usersPerLevel: ImpactUser[][]): AccessChangeGroup[] {
  const groups: { levels: AccessLevel[]; users: ImpactUser[] }[] = [];
  usersPerLevel.forEach((users, index) => {
    if (users.length === 0) return;
    const previous = groups.at(-1);
    const level = accessLevels[index]!;
    const adjacent = previous && previous.levels.at(-1) === accessLevels[index - 1];
    if (adjacent && previous.users.length === users.length && previous.users.every((user, position) => user === users[position])) {
      previous.levels.push(level);
    } else {
      groups.push({ levels: [level], users });
    }
  });
  return groups.map(({ levels, users }) => {
    const sorted = [...users].sort(byName);
    return {
      levels,
      users: users.length,
      sampleUsers: sorted.slice(0, sampleSize).map(({ id, name, role }) => ({ id, name, role })),
      roleLimits: roleLimits(users, levels.at(-1)!),
    };
  });
}

function noChange(objectId: string, started: number, you: EffectiveLevel, usersDecided = 0): ObjectAccessImpact {
  return {
    objectId,
    changesAccess: false,
    levels: accessLevels.map((level) => ({ level, gained: 0, lost: 0 })),
    gained: [],
    lost: [],
    usersByLevel: { before: countsByLevel(), after: countsByLevel() },
    you: { before: you, after: you },
    usersDecided,
    computedInMs: Math.round(performance.now() - started),
  };
}

/**
 * Decides every active user of the organisation on the object's facts before and after a change, and tells who gains
 * or loses which level. `before` and `after` are the same object's facts (after: with the draft applied).
 */
export async function computeObjectAccessImpact(
  db: Executor,
  subject: AccessImpactSubject,
  before: ObjectAccessFacts,
  after: ObjectAccessFacts,
  /** The acting user's own level now, when the caller knows it (the gate's decision): kept when nothing can change. */
  currentLevel: EffectiveLevel = "none",
): Promise<ObjectAccessImpact> {
  const started = performance.now();
  const context = await authzContextFor(db, subject.organizationId, subject.authzVersion);
  if (!canAlterAccess(context, before, after)) return noChange(before.id, started, currentLevel);

  const covering = { ...context, rules: context.rules.filter((rule) => ruleCoversObject(rule, context, before) || ruleCoversObject(rule, context, after)) };
  const users = await loadActiveUsers(db, subject.organizationId);
  const gainedPerLevel: ImpactUser[][] = accessLevels.map(() => []);
  const lostPerLevel: ImpactUser[][] = accessLevels.map(() => []);
  const usersByLevel = { before: countsByLevel(), after: countsByLevel() };
  let you = { before: "none" as EffectiveLevel, after: "none" as EffectiveLevel };

  for (const user of users) {
    const plan = planRules(user, covering);
    const was = levelRank(effectiveLevel(plan, user, before));
    const will = levelRank(effectiveLevel(plan, user, after));
    if (user.id === subject.id) you = { before: effectiveLevel(plan, user, before), after: effectiveLevel(plan, user, after) };
    accessLevels.forEach((level, index) => {
      const rank = index + 1;
      if (was >= rank) usersByLevel.before[level]++;
      if (will >= rank) usersByLevel.after[level]++;
      if (was < rank && will >= rank) gainedPerLevel[index]!.push(user);
      if (will < rank && was >= rank) lostPerLevel[index]!.push(user);
    });
  }

  const levels = accessLevels.map((level, index) => ({ level, gained: gainedPerLevel[index]!.length, lost: lostPerLevel[index]!.length }));
  const changesAccess = levels.some((level) => level.gained > 0 || level.lost > 0);
  if (!changesAccess) return { ...noChange(before.id, started, you.before, users.length), usersByLevel };
  return {
    objectId: before.id,
    changesAccess,
    levels,
    gained: groupsOf(gainedPerLevel),
    lost: groupsOf(lostPerLevel),
    usersByLevel,
    you,
    usersDecided: users.length,
    computedInMs: Math.round(performance.now() - started),
  };
}
