import { z } from "zod";
import { accessLevels, objectTypes, roles } from "@/db/schema";

/*
 * The access rule's API shape (API.md): the schemas parse the structure and the enumerations; everything that needs
 * the organisation's data (sites, teams, users, properties and their options) is checked by validate-rule.ts.
 * Messages are catalogue keys (adminRules.errors).
 */

const idList = (message: string) => z.array(z.string(message), message);
const trueOrFalse = "adminRules.errors.trueOrFalse";

export const rulePropertyConditionSchema = z.strictObject({
  propertyId: z.string("adminRules.errors.propertyRequired").min(1, "adminRules.errors.propertyRequired"),
  in: z.array(z.unknown(), "adminRules.errors.valuesNotList"),
});

const conditionsSchema = z.array(rulePropertyConditionSchema, "adminRules.errors.conditionsNotList").default([]);

export const ruleUsersSchema = z.strictObject(
  {
    all: z.boolean(trueOrFalse).default(false),
    siteIds: idList("adminRules.errors.siteIdsNotList").default([]),
    roles: z.array(z.enum(roles, "adminRules.errors.roleUnknown"), "adminRules.errors.rolesNotList").default([]),
    teamIds: idList("adminRules.errors.teamIdsNotList").default([]),
    userIds: idList("adminRules.errors.userIdsNotList").default([]),
    properties: conditionsSchema,
  },
  "adminRules.errors.usersRequired",
);

export const ruleObjectsSchema = z.strictObject(
  {
    types: z.array(z.enum(objectTypes, "adminRules.errors.typeUnknown"), "adminRules.errors.typesNotList").default([]),
    properties: conditionsSchema,
  },
  "adminRules.errors.objectsNotObject",
);

export const rulePropertyMatchSchema = z.strictObject({
  userPropertyId: z.string("adminRules.errors.userPropertyRequired").min(1, "adminRules.errors.userPropertyRequired"),
  objectPropertyId: z.string("adminRules.errors.objectPropertyRequired").min(1, "adminRules.errors.objectPropertyRequired"),
});

const matchListSchema = z.array(rulePropertyMatchSchema, "adminRules.errors.matchNotList");

export const ruleNameSchema = z
  .string("adminRules.errors.nameRequired")
  .trim()
  .min(1, "adminRules.errors.nameRequired")
  .max(200, "adminRules.errors.nameTooLong");

export const ruleLevelSchema = z.enum(accessLevels, "adminRules.errors.levelInvalid");

/** Every field of a rule; `users` is required (a rule must say whom it grants), the rest has defaults. */
export const accessRuleFieldsSchema = z.strictObject({
  name: ruleNameSchema,
  level: ruleLevelSchema,
  enabled: z.boolean(trueOrFalse).default(true),
  users: ruleUsersSchema,
  objects: ruleObjectsSchema.default({ types: [], properties: [] }),
  match: matchListSchema.default([]),
});
export type AccessRuleFields = z.output<typeof accessRuleFieldsSchema>;
export type AccessRuleFieldsInput = z.input<typeof accessRuleFieldsSchema>;

/** A partial rule, for PATCH and for the preview of an edit: fields left out keep their current value. */
export const accessRulePatchSchema = z.strictObject({
  name: ruleNameSchema.optional(),
  level: ruleLevelSchema.optional(),
  enabled: z.boolean(trueOrFalse).optional(),
  users: ruleUsersSchema.optional(),
  objects: ruleObjectsSchema.optional(),
  match: matchListSchema.optional(),
});
export type AccessRulePatch = z.output<typeof accessRulePatchSchema>;

export const ruleIdSchema = z.uuid("adminRules.errors.idInvalid");

export const ruleVersionSchema = z.coerce
  .number("adminRules.errors.versionRequired")
  .int("adminRules.errors.versionRequired")
  .positive("adminRules.errors.versionRequired");

export const rulePositionSchema = z.coerce
  .number("adminRules.errors.positionInvalid")
  .int("adminRules.errors.positionInvalid")
  .min(0, "adminRules.errors.positionInvalid")
  .max(100_000, "adminRules.errors.positionInvalid");

/** What the impact preview compares: the rules now, and the rules after one of these changes. */
export const ruleChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("create"), rule: accessRuleFieldsSchema }),
    z.strictObject({ kind: z.literal("update"), id: ruleIdSchema, rule: accessRulePatchSchema }),
    z.strictObject({ kind: z.enum(["disable", "enable", "delete"]), id: ruleIdSchema }),
  ],
  "adminRules.errors.changeInvalid",
);
export type RuleChangeInput = z.input<typeof ruleChangeSchema>;
export type RuleChange = z.output<typeof ruleChangeSchema>;
