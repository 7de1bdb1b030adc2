import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites, teams, users, type AccessLevel, type ObjectType, type PropertyValues, type Role } from "@/db/schema";
import type { RuleFacts } from "@/lib/authz/authz-context";
import { isMultiValued } from "@/lib/authz/property-values";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { SharingWords } from "./sharing-words";

export interface NamedRef {
  id: string;
  name: string;
}

export interface DescribedValue {
  value: unknown;
  label: string;
}

export interface DescribedCondition {
  propertyId: string;
  propertyName: string;
  values: DescribedValue[];
}

export interface DescribedMatch {
  userPropertyId: string;
  userPropertyName: string;
  objectPropertyId: string;
  objectPropertyName: string;
  /** The object's own value(s) of the matched property: users holding the same get the level. */
  objectValues: DescribedValue[];
}

/** A rule as the Share tab shows it: its level, whom it grants in words and in detail, and which objects. */
export interface RuleDescription {
  id: string;
  name: string;
  level: AccessLevel;
  levelLabel: string;
  /** Whom it grants, in one sentence of the caller's language: "All users", "Users whose Site tag is Toulouse"… */
  grantsTo: string;
  /** True when it compares a user property with this object's: who it grants depends on each user's value. */
  matchesUserPropertiesToObject: boolean;
  users: {
    all: boolean;
    sites: NamedRef[];
    roles: Role[];
    teams: NamedRef[];
    users: NamedRef[];
    properties: DescribedCondition[];
  };
  objects: { types: ObjectType[]; properties: DescribedCondition[] };
  match: DescribedMatch[];
}

/** The names a rule description needs: sites, teams, users and properties (with option labels). */
export interface RuleNames {
  sites: Map<string, string>;
  teams: Map<string, string>;
  users: Map<string, string>;
  properties: Map<string, PropertyDefinitionFacts>;
}

/** Loads the names of everything the rules mention, in four queries whatever the number of rules. */
export async function loadRuleNames(db: Executor, organizationId: string, rules: readonly RuleFacts[]): Promise<RuleNames> {
  const siteIds = [...new Set(rules.flatMap((rule) => rule.users.siteIds))];
  const teamIds = [...new Set(rules.flatMap((rule) => rule.users.teamIds))];
  const userIds = [...new Set(rules.flatMap((rule) => rule.users.userIds))];
  const [siteRows, teamRows, userRows, properties] = await Promise.all([
    siteIds.length === 0
      ? []
      : db.select({ id: sites.id, name: sites.name }).from(sites).where(and(eq(sites.organizationId, organizationId), inArray(sites.id, siteIds))),
    teamIds.length === 0
      ? []
      : db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organizationId, organizationId), inArray(teams.id, teamIds))),
    userIds.length === 0
      ? []
      : db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.organizationId, organizationId), inArray(users.id, userIds))),
    loadPropertyDefinitions(db, organizationId),
  ]);
  const byId = (rows: NamedRef[]) => new Map(rows.map((row) => [row.id, row.name]));
  return { sites: byId(siteRows), teams: byId(teamRows), users: byId(userRows), properties };
}

function describeValue(property: PropertyDefinitionFacts | undefined, value: unknown): DescribedValue {
  const option = property?.options.find((candidate) => candidate.id === value);
  return { value, label: option?.label ?? String(value) };
}

function describeCondition(names: RuleNames, words: SharingWords, propertyId: string, values: readonly unknown[]): DescribedCondition {
  const property = names.properties.get(propertyId);
  return { propertyId, propertyName: property?.name ?? words.t("deletedProperty"), values: values.map((value) => describeValue(property, value)) };
}

function valuesOf(stored: unknown): unknown[] {
  if (stored === undefined || stored === null) return [];
  return Array.isArray(stored) ? stored : [stored];
}

function named(ids: readonly string[], names: Map<string, string>, missing: string): NamedRef[] {
  return ids.map((id) => ({ id, name: names.get(id) ?? missing }));
}

/** Whom a rule grants, in one sentence of the words' language: each condition stated, all of which must hold. */
function grantsToSentence(described: RuleDescription["users"], match: readonly DescribedMatch[], names: RuleNames, words: SharingWords): string {
  const { t, tCommon, either, all } = words;
  if (described.all) return t("allUsers");
  const namesOf = (refs: readonly NamedRef[]) => either(refs.map((ref) => ref.name));
  const clauses: string[] = [];
  if (described.sites.length > 0) clauses.push(t(described.sites.length > 1 ? "onSites" : "onSite", { names: namesOf(described.sites) }));
  if (described.roles.length > 0) clauses.push(t("withRoles", { roles: either(described.roles.map((role) => tCommon(`roles.${role}`))) }));
  if (described.teams.length > 0) clauses.push(t("inTeams", { names: namesOf(described.teams) }));
  if (described.users.length > 0) clauses.push(t(described.users.length > 1 ? "areUsers" : "isUser", { names: namesOf(described.users) }));
  for (const condition of described.properties) {
    const property = names.properties.get(condition.propertyId);
    const values = either(condition.values.map((value) => value.label));
    clauses.push(t(property && isMultiValued(property.type) ? "propertyIncludes" : "propertyIs", { property: condition.propertyName, values }));
  }
  for (const pair of match) {
    const properties = { userProperty: pair.userPropertyName, objectProperty: pair.objectPropertyName };
    clauses.push(
      pair.objectValues.length > 0 ? t("matchesValues", { ...properties, values: all(pair.objectValues.map((value) => value.label)) }) : t("matches", properties),
    );
  }
  return clauses.length > 0 ? t("users", { clauses: all(clauses) }) : t("nobody");
}

/** Describes one rule for one object: whom it grants (in words and in detail) and the object's matched values. */
export function describeRule(rule: RuleFacts, names: RuleNames, objectProperties: PropertyValues, words: SharingWords): RuleDescription {
  const deletedProperty = words.t("deletedProperty");
  const match = rule.match.map((pair): DescribedMatch => {
    const objectProperty = names.properties.get(pair.objectPropertyId);
    return {
      userPropertyId: pair.userPropertyId,
      userPropertyName: names.properties.get(pair.userPropertyId)?.name ?? deletedProperty,
      objectPropertyId: pair.objectPropertyId,
      objectPropertyName: objectProperty?.name ?? deletedProperty,
      objectValues: valuesOf(objectProperties[pair.objectPropertyId]).map((value) => describeValue(objectProperty, value)),
    };
  });
  const described: RuleDescription["users"] = {
    all: rule.users.all,
    sites: named(rule.users.siteIds, names.sites, words.t("deletedSite")),
    roles: rule.users.roles,
    teams: named(rule.users.teamIds, names.teams, words.t("deletedTeam")),
    users: named(rule.users.userIds, names.users, words.t("deletedUser")),
    properties: rule.users.properties.map((condition) => describeCondition(names, words, condition.propertyId, condition.in)),
  };

  return {
    id: rule.id,
    name: rule.name,
    level: rule.level,
    levelLabel: words.tCommon(`levels.${rule.level}`),
    grantsTo: grantsToSentence(described, match, names, words),
    matchesUserPropertiesToObject: rule.match.length > 0,
    users: described,
    objects: {
      types: rule.objects.types,
      properties: rule.objects.properties.map((condition) => describeCondition(names, words, condition.propertyId, condition.in)),
    },
    match,
  };
}
