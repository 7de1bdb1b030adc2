import { z } from "zod";
import type { listAccessRules } from "@/lib/access-rules/access-rule-records";
import type { previewRuleChange } from "@/lib/access-rules/preview-rule-change";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { accessLevel, id, instant, objectRef, objectType, role, version } from "./common-schemas";

const propertyCondition = z.strictObject({ propertyId: id, in: z.array(z.unknown()) });

/** An access rule in the shape of API.md. */
const accessRule = describes<ServiceData<typeof listAccessRules>["items"][number]>()(
  z.strictObject({
    id,
    name: z.string(),
    level: accessLevel,
    enabled: z.boolean(),
    users: z.strictObject({
      all: z.boolean(),
      siteIds: z.array(id),
      roles: z.array(role),
      teamIds: z.array(id),
      userIds: z.array(id),
      properties: z.array(propertyCondition),
    }),
    objects: z.strictObject({ types: z.array(objectType), properties: z.array(propertyCondition) }),
    match: z.array(z.strictObject({ userPropertyId: id, objectPropertyId: id })),
    position: z.number().int(),
    version,
    createdAt: instant,
    updatedAt: instant,
  }),
);

/** Users held back below a level by their role's ceiling. */
export const roleLimits = z.array(z.strictObject({ level: z.enum(["view_no_download", "view", "modify"]), users: z.number().int() }));
export const sampleUsers = z.array(z.strictObject({ id, name: z.string(), role }));

const levelChange = z.strictObject({
  users: z.number().int(),
  objects: z.number().int(),
  sampleUsers,
  sampleObjects: z.array(objectRef),
  roleLimits,
});

const ruleChangeImpact = describes<ServiceData<typeof previewRuleChange>>()(
  z.strictObject({
    change: z.strictObject({
      kind: z.enum(["create", "update", "disable", "enable", "delete"]),
      ruleId: id.nullable(),
      ruleName: z.string(),
      altersAccess: z.boolean(),
    }),
    levels: z.array(z.strictObject({ level: accessLevel, gained: levelChange, lost: levelChange })),
    classes: z.number().int(),
    computedInMs: z.number(),
  }),
);

export const accessRuleResponses: ResponseDeclarations = {
  "GET /api/v1/access-rules": { summary: "List access rules (Admin)", schema: z.strictObject({ items: z.array(accessRule), nextCursor: z.string().nullable() }) },
  "POST /api/v1/access-rules": { summary: "Create an access rule (Admin)", schema: accessRule },
  "GET /api/v1/access-rules/{id}": { summary: "Read an access rule (Admin)", schema: accessRule },
  "PATCH /api/v1/access-rules/{id}": { summary: "Edit an access rule (Admin)", schema: accessRule },
  "DELETE /api/v1/access-rules/{id}": { summary: "Delete an access rule (Admin)", schema: z.strictObject({ id, deleted: z.literal(true) }) },
  "POST /api/v1/access-rules/preview": { summary: "Preview a rule change's impact (Admin)", schema: ruleChangeImpact },
};
