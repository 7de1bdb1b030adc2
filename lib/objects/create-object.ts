import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects, objectScopeSites, objectTypes, type PropertyValues } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { decideAccess } from "@/lib/authz/decide";
import { roleAllows } from "@/lib/authz/roles";
import { planFor, subjectOf, type AccessSubject } from "@/lib/authz/subject";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import { validatePropertyValues } from "@/lib/properties/validate-property-values";
import { fail, ok, type AppError, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { allocateReferenceNumbers } from "./allocate-reference-numbers";
import { insertObjectDetails, newObjectDetailsSchema, prepareObjectDetails } from "./object-details";
import { createdButInvisibleMessage } from "./object-messages";
import { objectPropertiesSchema, objectTitleSchema } from "./object-schemas";
import { formatReference } from "./object-references";
import { loadObjectView, type ObjectView } from "./object-view";
import { recordObjectActivity } from "./record-object-activity";
import { resolveNewObjectPlacement } from "./resolve-new-object-placement";
import { scopeChoiceSchema } from "./scope-choice";
import { visibleObjectIds } from "./visible-object-ids";

export const createObjectSchema = z.strictObject({
  type: z.enum(objectTypes, "objects.fields.typeInvalid"),
  title: objectTitleSchema,
  /** The type's default template when absent. */
  templateId: z.uuid("objects.fields.templateIdInvalid").optional(),
  /** The sharing scope, among the Share menu's choices; the template's default when absent. */
  scope: scopeChoiceSchema.optional(),
  /** For a "creator's sites" default scope: a subset of the creator's sites (all of them when absent). */
  siteIds: z.array(z.uuid("objects.fields.siteIdInvalid"), "objects.scope.siteIdsNotList").optional(),
  /** One of the creator's sites; their primary site when absent. */
  originSiteId: z.uuid("objects.fields.siteIdInvalid").optional(),
  /** Values by property id, over the template's defaults; null drops a default. */
  properties: objectPropertiesSchema.optional(),
  details: newObjectDetailsSchema.optional(),
});
export type CreateObjectInput = z.input<typeof createObjectSchema>;

/**
 * What the creator gets back: the object, or — when no access rule lets them see what they created — a message (a
 * catalogue key) and nothing that identifies it (SPEC §3: a user who cannot view an object cannot learn it exists).
 */
export type CreatedObject = { visible: true; object: ObjectView } | { visible: false; message: string };

/**
 * The refusals of a create's parts as one: every field message, under the message of a refusal that names what it
 * refuses (archived sites), else the generic one.
 */
function mergedRefusal(errors: AppError[]): { ok: false; error: AppError } {
  const named = errors.find((error) => error.params);
  const fields: Record<string, string> = Object.assign({}, ...errors.map((error) => error.fields));
  return fail("invalid", named?.message ?? "errors.fieldsNeedAttention", fields, named?.params);
}

/** The template's defaults that still validate (a deleted option or property drops out, it never blocks a create). */
async function usableDefaults(
  db: Executor,
  subject: AccessSubject,
  definitions: Map<string, PropertyDefinitionFacts>,
  type: (typeof objectTypes)[number],
  defaults: PropertyValues,
): Promise<PropertyValues> {
  let values = defaults;
  for (let attempt = 0; attempt < 2; attempt++) {
    const checked = await validatePropertyValues(db, {
      organizationId: subject.organizationId,
      appliesTo: type,
      values,
      definitions,
      visibleObjectIds: (target, ids) => visibleObjectIds(db, subject, target, ids),
    });
    if (checked.ok) return checked.data.set;
    const refused = new Set(Object.keys(checked.error.fields ?? {}).map((key) => key.replace(/^properties\./, "")));
    values = Object.fromEntries(Object.entries(values).filter(([id]) => !refused.has(id)));
  }
  return {};
}

/**
 * Creates an object (Manager+): reference number, scope and origin site from its template and creator, property
 * values over the template's defaults, its type-specific row, and a "created" event, in one transaction. The creator
 * is its owner. Whether they can then see it is for scope and rules to say, as for anyone.
 */
export async function createObject(
  db: Executor,
  user: ActingUser,
  input: CreateObjectInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<CreatedObject>> {
  if (!roleAllows(user.role, "edit_objects")) {
    await recordAudit(db, {
      organizationId: user.organizationId,
      actorId: user.id,
      action: "access.denied",
      targetType: "action",
      targetId: "objects.create",
      after: { reason: "role", role: user.role, capability: "edit_objects" },
      clientAddress: context.clientAddress ?? null,
    });
    return fail("forbidden", "objects.errors.createForbidden");
  }
  const parsed = parseInput(createObjectSchema, input);
  if (!parsed.ok) return parsed;
  const { type, title } = parsed.data;
  const subject = subjectOf(user);

  const placement = await resolveNewObjectPlacement(db, user, {
    type,
    templateId: parsed.data.templateId,
    scope: parsed.data.scope,
    siteIds: parsed.data.siteIds,
    originSiteId: parsed.data.originSiteId,
  });
  const definitions = await loadPropertyDefinitions(db, user.organizationId, [type]);
  const given = parsed.data.properties ?? {};
  const checked = await validatePropertyValues(db, {
    organizationId: user.organizationId,
    appliesTo: type,
    values: given,
    definitions,
    visibleObjectIds: (target, ids) => visibleObjectIds(db, subject, target, ids),
  });
  const details = await prepareObjectDetails(db, subject, type, parsed.data.details ?? {}, placement.ok ? placement.data.originSiteId : null);
  if (!placement.ok || !checked.ok || !details.ok) {
    return mergedRefusal([placement, checked, details].flatMap((result) => (result.ok ? [] : [result.error])));
  }

  const { templateId, scope, originSiteId, defaultProperties } = placement.data;
  const defaults = await usableDefaults(
    db,
    subject,
    definitions,
    type,
    Object.fromEntries(Object.entries(defaultProperties).filter(([id]) => !(id in given))),
  );
  const properties: PropertyValues = { ...defaults, ...checked.data.set };

  const created = await db.transaction(async (tx) => {
    const number = await allocateReferenceNumbers(tx, user.organizationId, type);
    const reference = formatReference(type, number);
    const [row] = await tx
      .insert(objects)
      .values({
        organizationId: user.organizationId,
        type,
        number,
        reference,
        title,
        ownerId: user.id,
        originSiteId,
        scopeKind: scope.kind,
        templateId,
        properties,
        createdById: user.id,
      })
      .returning({ id: objects.id });
    if (!row) throw new Error("insert returned no object");
    if (scope.kind === "sites") {
      await tx
        .insert(objectScopeSites)
        .values(scope.siteIds.map((siteId) => ({ organizationId: user.organizationId, objectId: row.id, siteId })));
    }
    await insertObjectDetails(tx, { id: row.id, organizationId: user.organizationId, createdById: user.id }, details.data);
    await recordObjectActivity(tx, {
      organizationId: user.organizationId,
      objectId: row.id,
      objectType: type,
      actorId: user.id,
      kind: "created",
      data: { reference, title },
    });
    return row;
  });

  const decision = decideAccess(await planFor(db, subject), subject, {
    id: created.id,
    type,
    ownerId: user.id,
    scopeKind: scope.kind,
    scopeSiteIds: scope.siteIds,
    properties,
    trashed: false,
  });
  if (!decision.actions.view.allowed) return ok({ visible: false, message: createdButInvisibleMessage });
  const object = await loadObjectView(db, user.organizationId, created.id);
  if (!object) throw new Error("a created object vanished");
  return ok({ visible: true, object });
}
