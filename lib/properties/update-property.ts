import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { propertyDefinitions, propertyOptions } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { nameTaken } from "./create-property";
import { lockOrganizationForAdminChange } from "./lock-organization";
import { isChoiceType } from "./property-labels";
import {
  adminOnlyMessage,
  nameTakenMessage,
  optionLabelsClashMessage,
  optionsOnlyForChoicesMessage,
  propertyNotFoundMessage,
  relationTargetChangeMessage,
  stalePropertyMessage,
  targetChangeMessage,
  targetOnlyForRelationsMessage,
  typeChangeMessage,
} from "./property-messages";
import { duplicateOptionLabels } from "./property-rules";
import { updatePropertySchema, type UpdatePropertyInput } from "./property-schemas";
import { findPropertyReferences, hasReferences, referenceNames } from "./property-usage";
import { removeOptionValues } from "./property-value-cleanup";
import { auditedProperty, loadPropertyView, type PropertyView } from "./property-view";

type OptionInput = { id?: string; label: string };

/** Field errors of a new option list against the current options. */
function optionListErrors(current: readonly { id: string }[], next: readonly OptionInput[]): Record<string, string> {
  const fields: Record<string, string> = {};
  if (next.length === 0) fields.options = "adminProperties.errors.optionsKeepOne";
  const known = new Set(current.map((option) => option.id));
  const listed = new Set<string>();
  next.forEach((option, index) => {
    if (!option.id) return;
    if (!known.has(option.id)) fields[`options.${index}.id`] = "adminProperties.errors.optionUnknown";
    else if (listed.has(option.id)) fields[`options.${index}.id`] = "adminProperties.errors.optionTwice";
    listed.add(option.id);
  });
  return { ...fields, ...duplicateOptionLabels(next) };
}

/** Writes a new option list: removals first, then labels (in two steps, so swapped labels never collide), then adds. */
async function writeOptions(tx: Executor, organizationId: string, propertyId: string, current: readonly { id: string; label: string }[], next: readonly OptionInput[]) {
  const listed = new Set(next.flatMap((option) => (option.id ? [option.id] : [])));
  const removed = current.filter((option) => !listed.has(option.id)).map((option) => option.id);
  if (removed.length > 0) {
    await tx
      .delete(propertyOptions)
      .where(and(eq(propertyOptions.organizationId, organizationId), eq(propertyOptions.propertyId, propertyId), inArray(propertyOptions.id, removed)));
  }
  const labels = new Map(current.map((option) => [option.id, option.label]));
  const relabelled = next.filter((option): option is Required<OptionInput> => Boolean(option.id) && labels.get(option.id!) !== option.label);
  for (const option of relabelled) {
    await tx
      .update(propertyOptions)
      .set({ label: `(relabelling) ${option.id}` })
      .where(and(eq(propertyOptions.organizationId, organizationId), eq(propertyOptions.id, option.id)));
  }
  for (const [position, option] of next.entries()) {
    if (option.id) {
      await tx
        .update(propertyOptions)
        .set({ label: option.label, position })
        .where(and(eq(propertyOptions.organizationId, organizationId), eq(propertyOptions.propertyId, propertyId), eq(propertyOptions.id, option.id)));
    } else {
      await tx.insert(propertyOptions).values({ organizationId, propertyId, label: option.label, position });
    }
  }
  return removed;
}

function sameOptions(current: readonly { id: string; label: string }[], next: readonly OptionInput[]): boolean {
  return current.length === next.length && current.every((option, index) => option.id === next[index]?.id && option.label === next[index]?.label);
}

/**
 * Edits a property definition (Admin): renames it (values are keyed by id, so they stay), and for choice
 * properties adds, relabels, reorders and removes options. Its type, target and relation target never change.
 * Removing an option an access rule or a watermark names is refused, naming them; otherwise the option's values
 * go with it, in the same transaction. Refused as stale when the definition changed since `version`.
 */
export async function updateProperty(
  db: Database,
  actor: ActingUser,
  input: UpdatePropertyInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<PropertyView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(updatePropertySchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, name, options, type, appliesTo, targetType } = parsed.data;
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      await lockOrganizationForAdminChange(tx, organizationId);
      const [locked] = await tx
        .select({ version: propertyDefinitions.version })
        .from(propertyDefinitions)
        .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.id, id)))
        .for("update");
      const current = locked ? await loadPropertyView(tx, organizationId, id) : null;
      if (!current) return fail("not_found", propertyNotFoundMessage);
      if (current.version !== version) return fail("conflict", stalePropertyMessage);

      const fields: Record<string, string> = {};
      if (type !== undefined && type !== current.type) fields.type = typeChangeMessage;
      if (appliesTo !== undefined && appliesTo !== current.appliesTo) fields.appliesTo = targetChangeMessage;
      if (targetType !== undefined && (targetType ?? undefined) !== current.targetType) {
        fields.targetType = current.type === "relation" ? relationTargetChangeMessage : targetOnlyForRelationsMessage;
      }
      const renamed = name !== undefined && name !== current.name;
      if (renamed && name.toLowerCase() !== current.name.toLowerCase() && (await nameTaken(tx, organizationId, current.appliesTo, name, id))) {
        fields.name = nameTakenMessage;
      }
      if (options !== undefined) {
        if (!isChoiceType(current.type)) fields.options = optionsOnlyForChoicesMessage;
        else Object.assign(fields, optionListErrors(current.options ?? [], options));
      }
      if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

      const currentOptions = current.options ?? [];
      const optionsChanged = options !== undefined && !sameOptions(currentOptions, options);
      if (!renamed && !optionsChanged) return ok(current);

      if (optionsChanged) {
        const listed = new Set(options.flatMap((option) => (option.id ? [option.id] : [])));
        const removed = currentOptions.filter((option) => !listed.has(option.id));
        if (removed.length > 0) {
          const references = await findPropertyReferences(tx, organizationId, id, removed.map((option) => option.id));
          if (hasReferences(references)) {
            const named = { name: current.name, options: removed.map((option) => option.label).join(", "), references: referenceNames(references) };
            return fail("conflict", "adminProperties.errors.optionsInUse", undefined, named);
          }
        }
        const removedIds = await writeOptions(tx, organizationId, id, currentOptions, options);
        await removeOptionValues(tx, organizationId, id, current.type === "multi_choice", removedIds);
      }
      await tx
        .update(propertyDefinitions)
        .set({ ...(renamed ? { name } : {}), version: sql`${propertyDefinitions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.id, id), eq(propertyDefinitions.version, version)));
      const updated = await loadPropertyView(tx, organizationId, id);
      if (!updated) throw new Error("an updated property vanished");
      await recordAdminChange(
        tx,
        actor,
        { action: "property.updated", targetType: "property", targetId: id, before: auditedProperty(current), after: auditedProperty(updated) },
        context.clientAddress,
      );
      return ok(updated);
    });
  } catch (error) {
    const violation = asUniqueViolation(error);
    if (violation?.constraint === "property_definitions_org_target_name_unique") return fail("invalid", "errors.fieldsNeedAttention", { name: nameTakenMessage });
    if (violation?.constraint === "property_options_property_label_unique") {
      return fail("invalid", "errors.fieldsNeedAttention", { options: optionLabelsClashMessage });
    }
    throw error;
  }
}
