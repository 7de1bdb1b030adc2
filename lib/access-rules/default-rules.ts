import type { AccessLevel, RuleObjectCondition, RulePropertyMatch, RuleUserCondition } from "@/db/schema";

export interface RuleDefinition {
  name: string;
  level: AccessLevel;
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
}

export const everyUser: RuleUserCondition = { all: true, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] };
export const everyObject: RuleObjectCondition = { types: [], properties: [] };

/** The rule a new organisation starts with, so scope and role alone govern until admins narrow it (SPEC §4). */
export const defaultOrganizationRule: RuleDefinition = {
  name: "Everyone — Full access — all objects",
  level: "full",
  users: everyUser,
  objects: everyObject,
  match: [],
};
