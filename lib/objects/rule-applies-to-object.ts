import type { AuthzContext, RuleFacts } from "@/lib/authz/authz-context";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { canonicalCandidates, isMultiValued, storedValueMatches } from "@/lib/authz/property-values";

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/**
 * Whether a rule's object side covers this object, whoever the user (the Share tab's "rules that apply"): its
 * types, its property conditions — compared exactly as the planner and the predicate compare them — and, for each
 * user-property = object-property match, a value on the object to compare with (a missing value never matches).
 */
export function ruleAppliesToObject(rule: RuleFacts, context: AuthzContext, object: Pick<ObjectAccessFacts, "type" | "properties">): boolean {
  if (rule.objects.types.length > 0 && !rule.objects.types.includes(object.type)) return false;
  for (const condition of rule.objects.properties) {
    const property = context.properties.get(condition.propertyId);
    if (!property || property.appliesTo === "user") return false;
    const candidates = canonicalCandidates(property.type, condition.in);
    if (!storedValueMatches(isMultiValued(property.type), object.properties[property.id], candidates)) return false;
  }
  for (const match of rule.match) {
    const userProperty = context.properties.get(match.userPropertyId);
    const objectProperty = context.properties.get(match.objectPropertyId);
    if (!userProperty || !objectProperty || userProperty.appliesTo !== "user" || objectProperty.appliesTo === "user") return false;
    if (userProperty.type !== objectProperty.type) return false;
    if (!hasValue(object.properties[objectProperty.id])) return false;
  }
  return true;
}
