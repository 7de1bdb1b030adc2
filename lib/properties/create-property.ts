import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { propertyDefinitions, propertyOptions, type PropertyTarget } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { isChoiceType } from "./property-labels";
import { adminOnlyMessage, nameTakenMessage, optionLabelsClashMessage } from "./property-messages";
import { shapeErrors } from "./property-rules";
import { createPropertySchema, type CreatePropertyInput } from "./property-schemas";
import { auditedProperty, loadPropertyView, type PropertyView } from "./property-view";

/** Whether the target already has a property of that name (any case), other than `exceptId`. */
export async function nameTaken(db: Executor, organizationId: string, appliesTo: PropertyTarget, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: propertyDefinitions.id })
    .from(propertyDefinitions)
    .where(
      and(
        eq(propertyDefinitions.organizationId, organizationId),
        eq(propertyDefinitions.appliesTo, appliesTo),
        eq(sql`lower(${propertyDefinitions.name})`, name.toLowerCase()),
        exceptId ? sql`${propertyDefinitions.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Creates a property definition on users or one object type (Admin): a name unique per target (any case), a type,
 * options for choice types, a target for relations. Audited, and bumps the authorization version (rules may
 * refer to it from now on).
 */
export async function createProperty(
  db: Database,
  actor: ActingUser,
  input: CreatePropertyInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<PropertyView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(createPropertySchema, input);
  if (!parsed.ok) return parsed;
  const { name, appliesTo, type, options, targetType } = parsed.data;
  const fields = shapeErrors({ type, options, targetType });
  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);
  const organizationId = actor.organizationId;

  try {
    return await db.transaction(async (tx) => {
      if (await nameTaken(tx, organizationId, appliesTo, name)) return fail("invalid", "errors.fieldsNeedAttention", { name: nameTakenMessage });
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${propertyDefinitions.position}), -1)::int` })
        .from(propertyDefinitions)
        .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.appliesTo, appliesTo)));
      const [row] = await tx
        .insert(propertyDefinitions)
        .values({ organizationId, name, appliesTo, type, targetType: type === "relation" ? targetType : null, position: (last?.position ?? -1) + 1 })
        .returning({ id: propertyDefinitions.id });
      if (!row) throw new Error("insert returned no property");
      if (isChoiceType(type) && options) {
        await tx.insert(propertyOptions).values(options.map((option, position) => ({ organizationId, propertyId: row.id, label: option.label, position })));
      }
      const view = await loadPropertyView(tx, organizationId, row.id);
      if (!view) throw new Error("a created property vanished");
      await recordAdminChange(tx, actor, { action: "property.created", targetType: "property", targetId: view.id, after: auditedProperty(view) }, context.clientAddress);
      return ok(view);
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
