import type { ObjectType, PropertyValues, Role, ScopeKind } from "@/db/schema";
import { levelRank, reaches, type EffectiveLevel } from "./levels";
import { objectActionRequirements, objectActions, type ObjectAction } from "./object-actions";
import type { PlannedRule, UserPlan } from "./plan";
import { storedValueMatches } from "./property-values";
import { roleAllows } from "./roles";

/** The facts about an object that access depends on. */
export interface ObjectAccessFacts {
  id: string;
  type: ObjectType;
  ownerId: string;
  scopeKind: ScopeKind;
  scopeSiteIds: readonly string[];
  properties: PropertyValues;
  trashed: boolean;
}

export interface CheckVerdict {
  ok: boolean;
  /** Why, as a key of the `objects.reasons` catalogue (worded where the answer leaves the server). */
  reason: string;
  params?: Record<string, string>;
}

export interface GrantingRule {
  ruleId: string;
  name: string;
  level: PlannedRule["level"];
}

export interface ActionVerdict {
  allowed: boolean;
  role: CheckVerdict;
  scope: CheckVerdict;
  rule: CheckVerdict;
}

/** One subject's access to one object, with the verdict and reason of each of the three checks (SPEC §4). */
export interface AccessDecision {
  /** none when out of scope, else the highest level a matching rule grants. */
  level: EffectiveLevel;
  scope: CheckVerdict;
  /** The highest level the matching rules grant, whatever the scope. */
  ruleLevel: EffectiveLevel;
  grantingRules: GrantingRule[];
  actions: Record<ObjectAction, ActionVerdict>;
}

/** Whether the subject is inside the object's scope; the owner always is (SPEC §3). */
export function scopeVerdict(subject: { id: string; siteIds: readonly string[] }, object: ObjectAccessFacts): CheckVerdict {
  if (object.trashed) return { ok: false, reason: "trashed" };
  if (object.ownerId === subject.id) return { ok: true, reason: "owner" };
  if (object.scopeKind === "organization") return { ok: true, reason: "organization" };
  if (object.scopeKind === "owner") return { ok: false, reason: "private" };
  return object.scopeSiteIds.some((siteId) => subject.siteIds.includes(siteId))
    ? { ok: true, reason: "siteMember" }
    : { ok: false, reason: "notSiteMember" };
}

export function ruleMatchesObject(rule: PlannedRule, object: Pick<ObjectAccessFacts, "type" | "properties">): boolean {
  if (rule.types && !rule.types.has(object.type)) return false;
  return rule.conditions.every((condition) =>
    storedValueMatches(condition.multiValued, object.properties[condition.propertyId], condition.candidates),
  );
}

/** The rules of the plan that match the object, strongest first. */
export function grantingRules(plan: UserPlan, object: Pick<ObjectAccessFacts, "type" | "properties">): GrantingRule[] {
  return plan.rules
    .filter((rule) => ruleMatchesObject(rule, object))
    .map(({ ruleId, name, level }) => ({ ruleId, name, level }))
    .sort((a, b) => levelRank(b.level) - levelRank(a.level));
}

/** scopeVerdict without its reasons: no allocation, for the hot path. */
function inScope(subject: { id: string; siteIds: readonly string[] }, object: ObjectAccessFacts): boolean {
  if (object.trashed) return false;
  if (object.ownerId === subject.id || object.scopeKind === "organization") return true;
  if (object.scopeKind === "owner") return false;
  for (const siteId of object.scopeSiteIds) if (subject.siteIds.includes(siteId)) return true;
  return false;
}

/** The effective level alone: the hot path of single-object checks. Rules first: most objects match none. */
export function effectiveLevel(plan: UserPlan, subject: { id: string; siteIds: readonly string[] }, object: ObjectAccessFacts): EffectiveLevel {
  let best: EffectiveLevel = "none";
  for (const rule of plan.rules) {
    if (levelRank(rule.level) > levelRank(best) && ruleMatchesObject(rule, object)) best = rule.level;
  }
  return best !== "none" && inScope(subject, object) ? best : "none";
}

/** The full decision, with reasons, as the Share tab and `…/access?userId=` show it. */
export function decideAccess(
  plan: UserPlan,
  subject: { id: string; role: Role; siteIds: readonly string[] },
  object: ObjectAccessFacts,
): AccessDecision {
  const scope = scopeVerdict(subject, object);
  const granting = grantingRules(plan, object);
  const ruleLevel: EffectiveLevel = granting[0]?.level ?? "none";
  const level: EffectiveLevel = scope.ok ? ruleLevel : "none";
  const actions = {} as Record<ObjectAction, ActionVerdict>;
  for (const action of objectActions) {
    const requirement = objectActionRequirements[action];
    const roleOk = roleAllows(subject.role, requirement.capability);
    const ruleOk = reaches(ruleLevel, requirement.level);
    const grantedBy = granting.filter((rule) => reaches(rule.level, requirement.level)).map((rule) => `“${rule.name}”`);
    actions[action] = {
      allowed: roleOk && scope.ok && ruleOk,
      role: { ok: roleOk, reason: roleOk ? "roleAllows" : "roleForbids", params: { role: subject.role } },
      scope,
      rule: ruleOk
        ? { ok: true, reason: "grantedBy", params: { rules: grantedBy.join(", ") } }
        : { ok: false, reason: granting.length > 0 ? "lowerLevel" : "noRule" },
    };
  }
  return { level, scope, ruleLevel, grantingRules: granting, actions };
}
