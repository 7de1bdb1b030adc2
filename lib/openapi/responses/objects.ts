import { z } from "zod";
import { objectActions } from "@/lib/authz/object-actions";
import type { explainObjectAccess } from "@/lib/objects/explain-object-access";
import type { countVisibleObjects } from "@/lib/objects/count-visible-objects";
import type { describeObjectSharing } from "@/lib/objects/describe-object-sharing";
import type { getObject } from "@/lib/objects/get-object";
import type { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import type { previewObjectAccessChange } from "@/lib/objects/preview-object-access-change";
import type { trashObject } from "@/lib/objects/trash-object";
import type { listTrash } from "@/lib/trash/list-trash";
import { describes, type ResponseDeclarations, type ServiceData } from "../response-schema";
import { roleLimits, sampleUsers } from "./access-rules";
import { accessLevel, accessLevelOrNone, id, instant, namedRef, objectType, propertyValues, role, scopeKind, siteRef, version } from "./common-schemas";

// Objects, their sharing and access explanations, and the trash.

/** An object as API.md describes it. */
const objectRecord = describes<ServiceData<typeof listVisibleObjects>["items"][number]>()(
  z.strictObject({
    id,
    type: objectType,
    reference: z.string(),
    title: z.string(),
    ownerId: id,
    originSiteId: id.nullable(),
    templateId: id.nullable(),
    scope: z.strictObject({ kind: scopeKind, siteIds: z.array(id) }),
    properties: propertyValues,
    createdAt: instant,
    updatedAt: instant,
    version,
  }),
);

const objectWithAccess = describes<ServiceData<typeof getObject>>()(
  objectRecord.extend({ access: z.strictObject({ level: accessLevelOrNone, actions: z.array(z.enum(objectActions)) }) }),
);

const createdObject = z.union([
  objectRecord,
  z.strictObject({ visible: z.literal(false), message: z.string().meta({ description: "Why the creator cannot see it, in their language." }) }),
]);

const objectCount = describes<ServiceData<typeof countVisibleObjects>>()(z.strictObject({ count: z.number().int(), capped: z.boolean(), label: z.string() }));

const trashed = describes<ServiceData<typeof trashObject>>()(z.strictObject({ id, trashedAt: instant }));

const trashEntry = describes<ServiceData<typeof listTrash>["items"][number]>()(
  z.strictObject({
    id,
    type: objectType,
    reference: z.string(),
    title: z.string(),
    version,
    trashedAt: instant,
    trashedBy: namedRef.nullable(),
    restorableUntil: instant,
  }),
);

const check = z.strictObject({ ok: z.boolean(), reason: z.string(), params: z.record(z.string(), z.string()).optional() });
const actionVerdict = z.strictObject({ allowed: z.boolean(), role: check, scope: check, rule: check });

const accessExplanation = describes<ServiceData<typeof explainObjectAccess>>()(
  z.strictObject({
    userId: id,
    userName: z.string(),
    active: z.boolean(),
    level: accessLevelOrNone,
    levelLabel: z.string(),
    scope: check,
    actions: z.strictObject(Object.fromEntries(objectActions.map((action) => [action, actionVerdict])) as Record<(typeof objectActions)[number], typeof actionVerdict>),
    grantingRules: z.array(z.strictObject({ ruleId: id, name: z.string(), level: accessLevel })),
  }),
);

const labelledValues = z.array(z.strictObject({ value: z.unknown(), label: z.string() }));
const propertyConditionText = z.array(z.strictObject({ propertyId: id, propertyName: z.string(), values: labelledValues }));

const sharing = describes<ServiceData<typeof describeObjectSharing>>()(
  z.strictObject({
    objectId: id,
    scope: z.strictObject({ kind: scopeKind, sites: z.array(siteRef) }),
    owner: namedRef,
    rules: z.array(
      z.strictObject({
        id,
        name: z.string(),
        level: accessLevel,
        levelLabel: z.string(),
        grantsTo: z.string(),
        matchesUserPropertiesToObject: z.boolean(),
        users: z.strictObject({
          all: z.boolean(),
          sites: z.array(namedRef),
          roles: z.array(role),
          teams: z.array(namedRef),
          users: z.array(namedRef),
          properties: propertyConditionText,
        }),
        objects: z.strictObject({ types: z.array(objectType), properties: propertyConditionText }),
        match: z.array(
          z.strictObject({
            userPropertyId: id,
            userPropertyName: z.string(),
            objectPropertyId: id,
            objectPropertyName: z.string(),
            objectValues: labelledValues,
          }),
        ),
      }),
    ),
    you: accessExplanation,
  }),
);

const levelCounts = z.strictObject({ view_no_download: z.number().int(), view: z.number().int(), modify: z.number().int(), full: z.number().int() });
const accessShift = z.array(z.strictObject({ levels: z.array(accessLevel), users: z.number().int(), sampleUsers, roleLimits }));

const accessImpact = describes<ServiceData<typeof previewObjectAccessChange>>()(
  z.strictObject({
    objectId: id,
    changesAccess: z.boolean(),
    levels: z.array(z.strictObject({ level: accessLevel, gained: z.number().int(), lost: z.number().int() })),
    gained: accessShift,
    lost: accessShift,
    usersByLevel: z.strictObject({ before: levelCounts, after: levelCounts }),
    you: z.strictObject({ before: accessLevelOrNone, after: accessLevelOrNone }),
    usersDecided: z.number().int(),
    computedInMs: z.number(),
  }),
);

export const objectResponses: ResponseDeclarations = {
  "GET /api/v1/objects": { summary: "List the objects the caller may see, newest first", schema: z.strictObject({ items: z.array(objectRecord), nextCursor: z.string().nullable() }) },
  "POST /api/v1/objects": { summary: "Create an object (Manager+)", schema: createdObject },
  "GET /api/v1/objects/count": { summary: "Count the objects the caller may see", schema: objectCount },
  "GET /api/v1/objects/{id}": { summary: "Read an object, with the caller's access", schema: objectWithAccess },
  "PATCH /api/v1/objects/{id}": { summary: "Edit an object's title and properties", schema: objectRecord },
  "DELETE /api/v1/objects/{id}": { summary: "Move an object to the trash", schema: trashed },
  "PUT /api/v1/objects/{id}/scope": { summary: "Change an object's sharing scope", schema: objectRecord },
  "GET /api/v1/objects/{id}/share": { summary: "How an object is shared", schema: sharing },
  "GET /api/v1/objects/{id}/access": { summary: "One user's access to an object, explained", schema: accessExplanation },
  "POST /api/v1/objects/{id}/access-impact": { summary: "Preview who gains or loses access through an edit", schema: accessImpact },
  "POST /api/v1/objects/{id}/restore": { summary: "Restore an object from the trash (Manager+)", schema: objectRecord },
  "GET /api/v1/trash": { summary: "The caller's trash (Manager+)", schema: z.strictObject({ items: z.array(trashEntry), nextCursor: z.string().nullable() }) },
};
