import "server-only";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  accessRules,
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
import { parseInput } from "@/lib/validation/parse-input";
import { accessRuleFieldsSchema, type AccessRuleFieldsInput } from "./rule-schemas";
import { isUuid } from "@/lib/validation/uuid";

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
  previous?: { id: string; users: RuleUserCondition } | null;
  /** Refuse a name another rule of the organisation has, in any case (the rule being edited aside). */
  uniqueName?: boolean;
  /**
   * Which of `ids` are live objects of `type` the acting user may see, for relation values naming objects: an object
   * the user cannot see is refused exactly like one that does not exist. Default: every live object of the
   * organisation (callers without an acting user, such as the benchmark).
   */
  visibleObjectIds?: (type: ObjectType, ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

const maxTextLength = 2000;

export const ruleNameTakenMessage = "adminRules.errors.nameTaken";

/** Whether another rule of the organisation has this name, ignoring case (access_rules_org_name_unique). */
async function ruleNameTaken(db: Executor, organizationId: string, name: string, exceptId: string | undefined): Promise<boolean> {
  const [row] = await db
    .select({ id: accessRules.id })
    .from(accessRules)
    .where(and(eq(accessRules.organizationId, organizationId), sql`lower(${accessRules.name}) = lower(${name})`, exceptId ? ne(accessRules.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

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
      if (typeof raw !== "string" || raw.trim() === "") return { ok: false, message: "adminRules.errors.textValues" };
      if (raw.trim().length > maxTextLength) return { ok: false, message: "adminRules.errors.textValueTooLong" };
      return { ok: true, value: raw.trim() };
    }
    case "number": {
      const number = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      return typeof number === "number" && Number.isFinite(number) ? { ok: true, value: number } : { ok: false, message: "adminRules.errors.numberValues" };
    }
    case "date":
      return typeof raw === "string" && isCalendarDate(raw) ? { ok: true, value: raw } : { ok: false, message: "adminRules.errors.dateValues" };
    case "boolean":
      if (raw === true || raw === "true") return { ok: true, value: true };
      if (raw === false || raw === "false") return { ok: true, value: false };
      return { ok: false, message: "adminRules.errors.booleanValues" };
    case "single_choice":
    case "multi_choice":
      return typeof raw === "string" && property.options.some((option) => option.id === raw)
        ? { ok: true, value: raw }
        : { ok: false, message: "adminRules.errors.optionValues" };
    case "relation":
      return typeof raw === "string" && isUuid(raw) ? { ok: true, value: raw.toLowerCase() } : { ok: false, message: "adminRules.errors.recordValues" };
  }
}

/**
 * Validates a rule against the API shape and the organisation's data (SPEC §9 "Rule matching"): `all` only with
 * every user list empty, at least one user condition otherwise; sites of the organisation and not archived (for
 * sites newly named); roles; existing teams and users; user property conditions on user properties, object property
 * conditions on properties of the rule's object types, each with at least one canonical value; and user-property =
 * object-property matches between properties of the same type; with `uniqueName`, a name no other rule has. Errors
 * are keyed by path (`users.properties.0.in`), their messages catalogue keys.
 */
export async function validateRule(
  db: Executor,
  organizationId: string,
  input: AccessRuleFieldsInput | unknown,
  options: ValidateRuleOptions = {},
): Promise<Result<ValidRule>> {
  const parsed = parseInput(accessRuleFieldsSchema, input);
  if (!parsed.ok) return parsed;
  const rule = parsed.data;
  const fields: Record<string, string> = {};
  if (options.uniqueName && (await ruleNameTaken(db, organizationId, rule.name, options.previous?.id))) fields.name = ruleNameTakenMessage;

  const userLists = {
    siteIds: unique(rule.users.siteIds),
    roles: unique(rule.users.roles),
    teamIds: unique(rule.users.teamIds),
    userIds: unique(rule.users.userIds),
  };
  const stated =
    userLists.siteIds.length + userLists.roles.length + userLists.teamIds.length + userLists.userIds.length + rule.users.properties.length > 0;
  if (rule.users.all && stated) fields["users.all"] = "adminRules.errors.everyoneCombined";
  if (!rule.users.all && !stated) fields["users"] = "adminRules.errors.whomRequired";

  const wellFormed = (ids: readonly string[]) => ids.filter((id) => isUuid(id));
  const [siteRows, teamRows, userRows, definitions] = await Promise.all([
    userLists.siteIds.length === 0
      ? []
      : db
          .select({ id: sites.id, archivedAt: sites.archivedAt })
          .from(sites)
          .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, wellFormed(userLists.siteIds)))),
    userLists.teamIds.length === 0
      ? []
      : db.select({ id: teams.id }).from(teams).where(and(eq(teams.organizationId, organizationId), inArray(teams.id, wellFormed(userLists.teamIds)))),
    userLists.userIds.length === 0
      ? []
      : db
          .select({ id: users.id, active: users.active })
          .from(users)
          .where(and(eq(users.organizationId, organizationId), inArray(users.id, wellFormed(userLists.userIds)))),
    loadPropertyDefinitions(db, organizationId),
  ]);

  const previousSites = new Set(options.previous?.users.siteIds ?? []);
  const previousUsers = new Set(options.previous?.users.userIds ?? []);
  const siteById = new Map(siteRows.map((row) => [row.id, row]));
  if (userLists.siteIds.some((id) => !siteById.has(id))) {
    fields["users.siteIds"] = "adminRules.errors.sitesUnknown";
  } else if (userLists.siteIds.some((id) => siteById.get(id)!.archivedAt !== null && !previousSites.has(id))) {
    fields["users.siteIds"] = "adminRules.errors.sitesArchived";
  }
  const teamIds = new Set(teamRows.map((row) => row.id));
  if (userLists.teamIds.some((id) => !teamIds.has(id))) fields["users.teamIds"] = "adminRules.errors.teamsUnknown";
  const userById = new Map(userRows.map((row) => [row.id, row]));
  if (userLists.userIds.some((id) => !userById.has(id))) {
    fields["users.userIds"] = "adminRules.errors.usersUnknown";
  } else if (userLists.userIds.some((id) => !userById.get(id)!.active && !previousUsers.has(id))) {
    fields["users.userIds"] = "adminRules.errors.usersDeactivated";
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
        fields[`${path}.propertyId`] = side === "users" ? "adminRules.errors.userPropertyRequired" : "adminRules.errors.objectPropertyRequired";
        return condition;
      }
      if (side === "objects" && !appliesToRuleTypes(property)) {
        fields[`${path}.propertyId`] = "adminRules.errors.propertyNotOfTypes";
        return condition;
      }
      if (condition.in.length === 0) {
        fields[`${path}.in`] = "adminRules.errors.valuesRequired";
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
        if (!property.targetType) fields[`${path}.in`] = "adminRules.errors.relationWithoutTarget";
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
    if (!userProperty || userProperty.appliesTo !== "user") fields[`${path}.userPropertyId`] = "adminRules.errors.userPropertyRequired";
    if (!objectProperty || objectProperty.appliesTo === "user") {
      fields[`${path}.objectPropertyId`] = "adminRules.errors.objectPropertyRequired";
    } else if (!appliesToRuleTypes(objectProperty)) {
      fields[`${path}.objectPropertyId`] = "adminRules.errors.propertyNotOfTypes";
    } else if (userProperty && userProperty.appliesTo === "user") {
      if (userProperty.type !== objectProperty.type) {
        fields[`${path}.objectPropertyId`] = "adminRules.errors.matchTypesDiffer";
      } else if (userProperty.type === "relation" && userProperty.targetType !== objectProperty.targetType) {
        fields[`${path}.objectPropertyId`] = "adminRules.errors.matchTargetsDiffer";
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
      fields[check.field] = check.target === "user" ? "adminRules.errors.usersUnknown" : "adminRules.errors.objectsUnknown";
    }
  }

  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);
  return ok({
    name: rule.name,
    level: rule.level,
    enabled: rule.enabled,
    users: { all: rule.users.all, ...userLists, properties: userConditions },
    objects: { types, properties: objectConditions },
    match,
  });
}
