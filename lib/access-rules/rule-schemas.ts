import { z } from "zod";
import { accessLevels, objectTypes, roles } from "@/db/schema";

/*
 * The access rule's API shape (API.md): the schemas parse the structure and the enumerations; everything that needs
 * the organisation's data (sites, teams, users, properties and their options) is checked by validate-rule.ts.
 */

const idList = (what: string) => z.array(z.string(`Send ${what} as a list of ids.`), `Send ${what} as a list of ids.`);

export const rulePropertyConditionSchema = z.strictObject({
  propertyId: z.string("Pick a property.").min(1, "Pick a property."),
  in: z.array(z.unknown(), "Send the values as a list (`in`)."),
});

export const ruleUsersSchema = z.strictObject(
  {
    all: z.boolean("Send true or false.").default(false),
    siteIds: idList("sites").default([]),
    roles: z.array(z.enum(roles, "Unknown role."), "Send roles as a list.").default([]),
    teamIds: idList("teams").default([]),
    userIds: idList("users").default([]),
    properties: z.array(rulePropertyConditionSchema, "Send property conditions as a list.").default([]),
  },
  "Say whom the rule grants (`users`).",
);

export const ruleObjectsSchema = z.strictObject(
  {
    types: z.array(z.enum(objectTypes, "Unknown object type."), "Send object types as a list.").default([]),
    properties: z.array(rulePropertyConditionSchema, "Send property conditions as a list.").default([]),
  },
  "Send `objects` as an object.",
);

export const rulePropertyMatchSchema = z.strictObject({
  userPropertyId: z.string("Pick a user property.").min(1, "Pick a user property."),
  objectPropertyId: z.string("Pick an object property.").min(1, "Pick an object property."),
});

export const ruleNameSchema = z
  .string("Give the rule a name.")
  .trim()
  .min(1, "Give the rule a name.")
  .max(200, "Keep the name to 200 characters.");

export const ruleLevelSchema = z.enum(accessLevels, "Pick a level: view_no_download, view, modify or full.");

/** Every field of a rule; `users` is required (a rule must say whom it grants), the rest has defaults. */
export const accessRuleFieldsSchema = z.strictObject({
  name: ruleNameSchema,
  level: ruleLevelSchema,
  enabled: z.boolean("Send true or false.").default(true),
  users: ruleUsersSchema,
  objects: ruleObjectsSchema.default({ types: [], properties: [] }),
  match: z.array(rulePropertyMatchSchema, "Send `match` as a list.").default([]),
});
export type AccessRuleFields = z.output<typeof accessRuleFieldsSchema>;
export type AccessRuleFieldsInput = z.input<typeof accessRuleFieldsSchema>;

/** A partial rule, for PATCH and for the preview of an edit: fields left out keep their current value. */
export const accessRulePatchSchema = z.strictObject({
  name: ruleNameSchema.optional(),
  level: ruleLevelSchema.optional(),
  enabled: z.boolean("Send true or false.").optional(),
  users: ruleUsersSchema.optional(),
  objects: ruleObjectsSchema.optional(),
  match: z.array(rulePropertyMatchSchema, "Send `match` as a list.").optional(),
});
export type AccessRulePatch = z.output<typeof accessRulePatchSchema>;

export const ruleIdSchema = z.uuid("This is not an access rule id.");

export const ruleVersionSchema = z.coerce
  .number("Send the version of the rule you read.")
  .int("Send the version of the rule you read.")
  .positive("Send the version of the rule you read.");

export const rulePositionSchema = z.coerce
  .number("Send the position as a number.")
  .int("Send the position as a whole number.")
  .min(0, "The position cannot be negative.")
  .max(100_000, "The position is too large.");

/** What the impact preview compares: the rules now, and the rules after one of these changes. */
export const ruleChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("create"), rule: accessRuleFieldsSchema }),
    z.strictObject({ kind: z.literal("update"), id: ruleIdSchema, rule: accessRulePatchSchema }),
    z.strictObject({ kind: z.enum(["disable", "enable", "delete"]), id: ruleIdSchema }),
  ],
  "Send a change: { kind: create | update | disable | enable | delete, … }.",
);
export type RuleChangeInput = z.input<typeof ruleChangeSchema>;
export type RuleChange = z.output<typeof ruleChangeSchema>;
