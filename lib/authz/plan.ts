import type { AccessLevel, ObjectType, PropertyValues, Role } from "@/db/schema";
import type { AuthzContext, PropertyFacts, RuleFacts } from "./authz-context";
import { canonicalCandidates, isMultiValued, storedValueMatches, type ComparableValue } from "./property-values";

/** The user-side facts rules match on (SPEC §9: only active users match). */
export interface RuleSubject {
  id: string;
  role: Role;
  active: boolean;
  siteIds: readonly string[];
  teamIds: readonly string[];
  properties: PropertyValues;
}

/** An object-side condition left after planning: the object's property must hold one of `candidates`. */
export interface PlannedCondition {
  propertyId: string;
  multiValued: boolean;
  candidates: ComparableValue[];
}

/** A rule whose user side matched the subject, reduced to what remains to check on each object. */
export interface PlannedRule {
  ruleId: string;
  name: string;
  level: AccessLevel;
  /** null: every type. */
  types: ReadonlySet<ObjectType> | null;
  conditions: PlannedCondition[];
}

/** Everything rules say about one subject, computed once per (subject, authorization version). */
export interface UserPlan {
  subjectId: string;
  authzVersion: number;
  rules: PlannedRule[];
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((value) => b.includes(value));
}

function userPropertyHolds(subject: RuleSubject, property: PropertyFacts | undefined, values: readonly unknown[]): boolean {
  if (!property || property.appliesTo !== "user") return false;
  const candidates = canonicalCandidates(property.type, values);
  return storedValueMatches(isMultiValued(property.type), subject.properties[property.id], candidates);
}

/** Whether a rule's user side matches: `all`, or every stated list (any entry within a list). */
export function ruleMatchesSubject(rule: RuleFacts, subject: RuleSubject, context: AuthzContext): boolean {
  if (!subject.active) return false;
  const { users } = rule;
  if (users.all) return true;
  const stated =
    users.siteIds.length + users.roles.length + users.teamIds.length + users.userIds.length + users.properties.length > 0;
  if (!stated) return false;
  if (users.siteIds.length > 0 && !intersects(users.siteIds, subject.siteIds)) return false;
  if (users.roles.length > 0 && !users.roles.includes(subject.role)) return false;
  if (users.teamIds.length > 0 && !intersects(users.teamIds, subject.teamIds)) return false;
  if (users.userIds.length > 0 && !users.userIds.includes(subject.id)) return false;
  return users.properties.every((condition) => userPropertyHolds(subject, context.properties.get(condition.propertyId), condition.in));
}

/**
 * A user-property = object-property match, turned into an object condition with the user's value(s) filled in.
 * Choices compare by option label across the two properties (each property has its own option ids); other types
 * compare values as they are. Null when it can never match (missing value, unknown property, different types).
 */
function plannedMatch(subject: RuleSubject, context: AuthzContext, userPropertyId: string, objectPropertyId: string): PlannedCondition | null {
  const userProperty = context.properties.get(userPropertyId);
  const objectProperty = context.properties.get(objectPropertyId);
  if (!userProperty || !objectProperty || userProperty.appliesTo !== "user" || objectProperty.appliesTo === "user") return null;
  if (userProperty.type !== objectProperty.type) return null;
  const stored = subject.properties[userPropertyId];
  const values = Array.isArray(stored) ? stored : stored === undefined || stored === null ? [] : [stored];
  let candidates: ComparableValue[];
  if (userProperty.type === "single_choice" || userProperty.type === "multi_choice") {
    const labels = new Set(values.map((optionId) => userProperty.optionLabels.get(String(optionId))).filter((label) => label !== undefined));
    candidates = [...objectProperty.optionLabels].filter(([, label]) => labels.has(label)).map(([optionId]) => optionId);
  } else {
    candidates = canonicalCandidates(objectProperty.type, values);
  }
  return candidates.length > 0 ? { propertyId: objectPropertyId, multiValued: isMultiValued(objectProperty.type), candidates } : null;
}

function plannedObjectCondition(context: AuthzContext, propertyId: string, values: readonly unknown[]): PlannedCondition | null {
  const property = context.properties.get(propertyId);
  if (!property || property.appliesTo === "user") return null;
  const candidates = canonicalCandidates(property.type, values);
  return candidates.length > 0 ? { propertyId, multiValued: isMultiValued(property.type), candidates } : null;
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * Whether a rule's object side covers an object, whoever the user (the Share tab's "rules that apply"): its types,
 * its property conditions — planned and compared exactly as for a user's plan — and, for each user-property =
 * object-property match, a value on the object to compare with (a missing value never matches).
 */
export function ruleCoversObject(rule: RuleFacts, context: AuthzContext, object: { type: ObjectType; properties: PropertyValues }): boolean {
  if (rule.objects.types.length > 0 && !rule.objects.types.includes(object.type)) return false;
  for (const condition of rule.objects.properties) {
    const planned = plannedObjectCondition(context, condition.propertyId, condition.in);
    if (!planned || !storedValueMatches(planned.multiValued, object.properties[planned.propertyId], planned.candidates)) return false;
  }
  return rule.match.every(({ userPropertyId, objectPropertyId }) => {
    const userProperty = context.properties.get(userPropertyId);
    const objectProperty = context.properties.get(objectPropertyId);
    if (!userProperty || !objectProperty || userProperty.appliesTo !== "user" || objectProperty.appliesTo === "user") return false;
    return userProperty.type === objectProperty.type && hasValue(object.properties[objectPropertyId]);
  });
}

/**
 * Plans the organisation's rules for one subject: keeps the rules whose user side matches, fills the subject's values
 * into property matches, and drops rules that can never match an object. What remains is checked per object, in
 * memory (the decision) or in SQL (the predicate), from the same plan.
 */
export function planRules(subject: RuleSubject, context: AuthzContext): UserPlan {
  const rules: PlannedRule[] = [];
  for (const rule of context.rules) {
    if (!ruleMatchesSubject(rule, subject, context)) continue;
    const conditions: PlannedCondition[] = [];
    let satisfiable = true;
    for (const condition of rule.objects.properties) {
      const planned = plannedObjectCondition(context, condition.propertyId, condition.in);
      if (!planned) satisfiable = false;
      else conditions.push(planned);
    }
    for (const match of rule.match) {
      const planned = plannedMatch(subject, context, match.userPropertyId, match.objectPropertyId);
      if (!planned) satisfiable = false;
      else conditions.push(planned);
    }
    if (!satisfiable) continue;
    rules.push({
      ruleId: rule.id,
      name: rule.name,
      level: rule.level,
      types: rule.objects.types.length > 0 ? new Set(rule.objects.types) : null,
      conditions,
    });
  }
  return { subjectId: subject.id, authzVersion: context.authzVersion, rules };
}
