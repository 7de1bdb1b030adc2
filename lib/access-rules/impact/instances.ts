import type { RuleUserCondition } from "@/db/schema";
import type { AuthzContext, RuleFacts } from "@/lib/authz/authz-context";
import { planRules, type PlannedCondition, type PlannedRule, type RuleSubject } from "@/lib/authz/plan";
import { canonicalCandidates, isMultiValued } from "@/lib/authz/property-values";

/*
 * An "instance" is the object side of a rule once planned for a user: its types and the property conditions left to
 * check on each object (a user-property = object-property match becomes a condition holding the user's values). Two
 * users with the same instance of a rule are granted the same objects by it, so the impact is computed per instance.
 */

const everyone: RuleUserCondition = { all: true, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] };

/**
 * The rule's instance for a subject its user side matches, planned by the authorization module itself (null when it
 * can never match an object). Only matches read the subject, so a rule without one has a single instance.
 */
export function instanceFor(rule: RuleFacts, subject: RuleSubject, context: AuthzContext): PlannedRule | null {
  return planRules(subject, { ...context, rules: [{ ...rule, users: everyone }] }).rules[0] ?? null;
}

/** Every object the rule can match, whoever the user: its types and property conditions, matches left out. */
export function broadInstance(rule: RuleFacts, context: AuthzContext): PlannedRule {
  const conditions: PlannedCondition[] = [];
  for (const condition of rule.objects.properties) {
    const property = context.properties.get(condition.propertyId);
    if (!property || property.appliesTo === "user") continue;
    conditions.push({ propertyId: property.id, multiValued: isMultiValued(property.type), candidates: canonicalCandidates(property.type, condition.in) });
  }
  return { ruleId: rule.id, name: rule.name, level: rule.level, types: rule.objects.types.length > 0 ? new Set(rule.objects.types) : null, conditions };
}

function candidateSet(condition: PlannedCondition): Set<string> {
  return new Set(condition.candidates.map((value) => JSON.stringify(value)));
}

/**
 * Whether no object can match both instances (a sound test, not a complete one): disjoint types, or one single-valued
 * property held to disjoint values. A condition without candidates matches nothing, so it is disjoint from anything.
 */
export function instancesDisjoint(a: PlannedRule, b: PlannedRule): boolean {
  if (a.types && b.types && ![...a.types].some((type) => b.types!.has(type))) return true;
  for (const ca of a.conditions) {
    if (ca.candidates.length === 0) return true;
    if (ca.multiValued) continue;
    for (const cb of b.conditions) {
      if (cb.propertyId !== ca.propertyId || cb.multiValued) continue;
      const values = candidateSet(cb);
      if (!ca.candidates.some((value) => values.has(JSON.stringify(value)))) return true;
    }
  }
  return b.conditions.some((condition) => condition.candidates.length === 0);
}

/** Whether every object `inner` matches is matched by `outer` (sound, not complete). */
export function instanceCovers(outer: PlannedRule, inner: PlannedRule): boolean {
  if (outer.types && (!inner.types || ![...inner.types].every((type) => outer.types!.has(type)))) return false;
  return outer.conditions.every((oc) => {
    const allowed = candidateSet(oc);
    return inner.conditions.some(
      (ic) => ic.propertyId === oc.propertyId && ic.multiValued === oc.multiValued && ic.candidates.every((value) => allowed.has(JSON.stringify(value))),
    );
  });
}

function instanceKey(rule: PlannedRule): string {
  const types = rule.types ? [...rule.types].sort() : null;
  const conditions = rule.conditions
    .map((condition) => JSON.stringify([condition.propertyId, condition.multiValued, condition.candidates.map((value) => JSON.stringify(value)).sort()]))
    .sort();
  return JSON.stringify([types, conditions]);
}

/** The distinct instances met while planning, numbered from 0, with their pairwise relations computed once. */
export class InstanceRegistry {
  readonly list: PlannedRule[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly disjointMemo = new Map<string, boolean>();
  private readonly coversMemo = new Map<string, boolean>();

  indexOf(rule: PlannedRule): number {
    const key = instanceKey(rule);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(rule);
      this.byKey.set(key, index);
    }
    return index;
  }

  disjoint(a: number, b: number): boolean {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    let value = this.disjointMemo.get(key);
    if (value === undefined) this.disjointMemo.set(key, (value = instancesDisjoint(this.list[a]!, this.list[b]!)));
    return value;
  }

  covers(outer: number, inner: number): boolean {
    const key = `${outer}:${inner}`;
    let value = this.coversMemo.get(key);
    if (value === undefined) this.coversMemo.set(key, (value = instanceCovers(this.list[outer]!, this.list[inner]!)));
    return value;
  }
}
