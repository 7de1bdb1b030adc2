import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  objects,
  objectTypes,
  sites,
  teams,
  users,
  type AccessLevel,
  type ObjectType,
  type PropertyTarget,
  type RuleObjectCondition,
  type RulePropertyCondition,
  type RulePropertyMatch,
  type RuleUserCondition,
} from "@/db/schema";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";
import { accessRuleFieldsSchema, type AccessRuleFieldsInput } from "./rule-schemas";

/** A rule that passed validation: ids checked against the organisation, values in their canonical form. */
export interface ValidRule {
  name: string;
  level: AccessLevel;
  enabled: boolean;
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
}

export interface ValidateRuleOptions {
  /**
   * The rule as it was before this edit: the sites and users it already names may stay even if they were archived
   * or deactivated since (SPEC §9: archived sites cannot be *picked* for rules).
   */
  previous?: { users: RuleUserCondition } | null;
  /**
   * Which of `ids` are live objects of `type` the acting user may see, for relation values naming objects: an object
   * the user cannot see is refused exactly like one that does not exist. Default: every live object of the
   * organisation (callers without an acting user, such as the benchmark).
   */
  visibleObjectIds?: (type: ObjectType, ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxTextLength = 2000;

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isObjectType(target: PropertyTarget | null): target is ObjectType {
  return target !== null && (objectTypes as readonly string[]).includes(target);
}

type CanonicalValue = string | number | boolean;
type ValueOutcome = { ok: true; value: CanonicalValue } | { ok: false; message: string };

/**
 * One value a rule names, in the canonical form stored values have (SPEC §9): option ids of *this* property for
 * choices, ids for relations, numbers, booleans, `YYYY-MM-DD` dates, trimmed text.
 */
function canonicalRuleValue(property: PropertyDefinitionFacts, raw: unknown): ValueOutcome {
  switch (property.type) {
    case "text": {
      if (typeof raw !== "string" || raw.trim() === "") return { ok: false, message: "Enter non-empty text values." };
      if (raw.trim().length > maxTextLength) return { ok: false, message: `Keep each value to ${maxTextLength} characters.` };
      return { ok: true, value: raw.trim() };
    }
    case "number": {
      const number = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      return typeof number === "number" && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: "Enter numbers." };
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw) ? { ok: true, value: raw } : { ok: false, message: "Enter dates as YYYY-MM-DD." };
    case "boolean":
      if (raw === true || raw === "true") return { ok: true, value: true };
      if (raw === false || raw === "false") return { ok: true, value: false };
      return { ok: false, message: "Enter true or false." };
    case "single_choice":
    case "multi_choice":
      return typeof raw === "string" && property.options.some((option) => option.id === raw)
        ? { ok: true, value: raw }
        : { ok: false, message: `Pick options of “${property.name}”.` };
    case "relation":
      return typeof raw === "string" && uuidPattern.test(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, message: "Pick existing records." };
  }
}

function targetLabel(target: PropertyTarget): string {
  return target === "user" ? "users" : `${target.replace("_", " ")}s`;
}

function typesLabel(types: readonly ObjectType[]): string {
  return types.map((type) => targetLabel(type)).join(", ");
}

/**
 * Validates a rule against the API shape and the organisation's data (SPEC §9 "Rule matching"): `all` only with
 * every user list empty, at least one user condition otherwise; sites of the organisation and not archived (for
 * sites newly named); roles; existing teams and users; user property conditions on user properties, object property
 * conditions on properties of the rule's object types, each with at least one canonical value; and user-property =
 * object-property matches between properties of the same type. Errors are keyed by path (`users.properties.0.in`).
 */
export async function validateRule(
  db: Executor,
  organizationId: string,
  input: AccessRuleFieldsInput | unknown,
  options: ValidateRuleOptions = {},
): Promise<Result<ValidRule>> {
  const parsed = accessRuleFieldsSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Some fields need attention.", fieldErrors(parsed.error));
  const rule = parsed.data;
  const fields: Record<string, string> = {};

  const userLists = {
    siteIds: unique(rule.users.siteIds),
    roles: unique(rule.users.roles),
    teamIds: unique(rule.users.teamIds),
    userIds: unique(rule.users.userIds),
  };
  const stated =
    userLists.siteIds.length + userLists.roles.length + userLists.teamIds.length + userLists.userIds.length + rule.users.properties.length > 0;
  if (rule.users.all && stated) fields["users.all"] = "“All users” cannot be combined with other user conditions: clear them, or untick “All users”.";
  if (!rule.users.all && !stated) fields["users"] = "Say whom the rule grants: all users, or at least one condition (sites, roles, teams, users or user properties).";

  const wellFormed = (ids: readonly string[]) => ids.filter((id) => uuidPattern.test(id));
  const [siteRows, teamRows, userRows, definitions] = await Promise.all([
    userLists.siteIds.length === 0
      ? []
      : db
          .select({ id: sites.id, name: sites.name, archivedAt: sites.archivedAt })
          .from(sites)
          .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, wellFormed(userLists.siteIds)))),
    userLists.teamIds.length === 0
      ? []
      : db.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, organizationId), inArray(teams.id, wellFormed(userLists.teamIds)))),
    userLists.userIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name, active: users.active })
          .from(users)
          .where(and(eq(users.organizationId, organizationId), inArray(users.id, wellFormed(userLists.userIds)))),
    loadPropertyDefinitions(db, organizationId),
  ]);

  const previousSites = new Set(options.previous?.users.siteIds ?? []);
  const previousUsers = new Set(options.previous?.users.userIds ?? []);
  const siteById = new Map(siteRows.map((row) => [row.id, row]));
  if (userLists.siteIds.some((id) => !siteById.has(id))) {
    fields["users.siteIds"] = "Pick existing sites of the organisation.";
  } else {
    const archived = userLists.siteIds.map((id) => siteById.get(id)!).filter((site) => site.archivedAt !== null && !previousSites.has(site.id));
    if (archived.length > 0) {
      fields["users.siteIds"] = `${archived.map((site) => `“${site.name}”`).join(", ")} ${archived.length > 1 ? "are" : "is"} archived: archived sites cannot be picked for rules.`;
    }
  }
  const teamIds = new Set(teamRows.map((row) => row.id));
  if (userLists.teamIds.some((id) => !teamIds.has(id))) fields["users.teamIds"] = "Pick existing teams of the organisation.";
  const userById = new Map(userRows.map((row) => [row.id, row]));
  if (userLists.userIds.some((id) => !userById.has(id))) {
    fields["users.userIds"] = "Pick existing users of the organisation.";
  } else {
    const inactive = userLists.userIds.map((id) => userById.get(id)!).filter((user) => !user.active && !previousUsers.has(user.id));
    if (inactive.length > 0) {
      fields["users.userIds"] = `${inactive.map((user) => user.name).join(", ")} ${inactive.length > 1 ? "are" : "is"} deactivated: deactivated users never match rules.`;
    }
  }

  const types = unique(rule.objects.types);
  const appliesToRuleTypes = (property: PropertyDefinitionFacts) =>
    property.appliesTo !== "user" && (types.length === 0 || types.includes(property.appliesTo));
  const relationChecks: { field: string; target: PropertyTarget; ids: string[] }[] = [];

  const checkConditions = (side: "users" | "objects", conditions: readonly RulePropertyCondition[]): RulePropertyCondition[] => {
    return conditions.map((condition, index) => {
      const path = `${side}.properties.${index}`;
      const property = definitions.get(condition.propertyId);
      if (!property || (side === "users" ? property.appliesTo !== "user" : property.appliesTo === "user")) {
        fields[`${path}.propertyId`] = side === "users" ? "Pick a user property." : "Pick an object property.";
        return condition;
      }
      if (side === "objects" && !appliesToRuleTypes(property)) {
        fields[`${path}.propertyId`] = `“${property.name}” is a property of ${targetLabel(property.appliesTo)}, not of ${typesLabel(types)}: pick one of their properties or add that type.`;
        return condition;
      }
      if (condition.in.length === 0) {
        fields[`${path}.in`] = `Pick at least one value of “${property.name}”.`;
        return condition;
      }
      const values: CanonicalValue[] = [];
      for (const raw of condition.in) {
        const outcome = canonicalRuleValue(property, raw);
        if (!outcome.ok) {
          fields[`${path}.in`] = outcome.message;
          return condition;
        }
        if (!values.includes(outcome.value)) values.push(outcome.value);
      }
      if (property.type === "relation") {
        if (!property.targetType) fields[`${path}.in`] = "This relation property has no target type: fix the property first.";
        else relationChecks.push({ field: `${path}.in`, target: property.targetType, ids: values as string[] });
      }
      return { propertyId: property.id, in: values };
    });
  };
  const userConditions = checkConditions("users", rule.users.properties);
  const objectConditions = checkConditions("objects", rule.objects.properties);

  const match = rule.match.map((pair, index) => {
    const path = `match.${index}`;
    const userProperty = definitions.get(pair.userPropertyId);
    const objectProperty = definitions.get(pair.objectPropertyId);
    if (!userProperty || userProperty.appliesTo !== "user") fields[`${path}.userPropertyId`] = "Pick a user property.";
    if (!objectProperty || objectProperty.appliesTo === "user") {
      fields[`${path}.objectPropertyId`] = "Pick an object property.";
    } else if (!appliesToRuleTypes(objectProperty)) {
      fields[`${path}.objectPropertyId`] = `“${objectProperty.name}” is a property of ${targetLabel(objectProperty.appliesTo)}, not of ${typesLabel(types)}.`;
    } else if (userProperty && userProperty.appliesTo === "user") {
      if (userProperty.type !== objectProperty.type) {
        fields[`${path}.objectPropertyId`] = `“${userProperty.name}” and “${objectProperty.name}” are of different types: a match compares properties of the same type.`;
      } else if (userProperty.type === "relation" && userProperty.targetType !== objectProperty.targetType) {
        fields[`${path}.objectPropertyId`] = `“${userProperty.name}” and “${objectProperty.name}” point at different kinds of records.`;
      }
    }
    return { userPropertyId: pair.userPropertyId, objectPropertyId: pair.objectPropertyId };
  });

  for (const check of relationChecks) {
    if (fields[check.field]) continue;
    let known: ReadonlySet<string>;
    if (check.target === "user") {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), inArray(users.id, check.ids)));
      known = new Set(rows.map((row) => row.id));
    } else if (isObjectType(check.target)) {
      const target = check.target;
      known = options.visibleObjectIds
        ? await options.visibleObjectIds(target, check.ids)
        : new Set(
            (
              await db
                .select({ id: objects.id })
                .from(objects)
                .where(and(eq(objects.organizationId, organizationId), eq(objects.type, target), isNull(objects.trashedAt), inArray(objects.id, check.ids)))
            ).map((row) => row.id),
          );
    } else {
      known = new Set();
    }
    if (check.ids.some((id) => !known.has(id))) {
      fields[check.field] =
        check.target === "user"
          ? "Pick existing users of the organisation."
          : `Pick existing ${targetLabel(check.target)}: some of these do not exist, or you do not have access to them.`;
    }
  }

  if (Object.keys(fields).length > 0) return fail("invalid", "Some fields need attention.", fields);
  return ok({
    name: rule.name,
    level: rule.level,
    enabled: rule.enabled,
    users: { all: rule.users.all, ...userLists, properties: userConditions },
    objects: { types, properties: objectConditions },
    match,
  });
}
