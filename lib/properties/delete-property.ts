import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { propertyDefinitions } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { lockOrganizationForAdminChange } from "./lock-organization";
import { adminOnlyMessage, propertyNotFoundMessage, stalePropertyMessage } from "./property-messages";
import { deletePropertySchema, type DeletePropertyInput } from "./property-schemas";
import { findPropertyReferences, hasReferences, referenceNames } from "./property-usage";
import { removePropertyFromViews, removePropertyValues } from "./property-value-cleanup";
import { auditedProperty, loadPropertyView } from "./property-view";

export interface DeletedProperty {
  id: string;
  /** How many users, objects and templates lost their value, and saved views their column, filter or sort. */
  removedValues: { users: number; objects: number; templates: number; views: number };
}

/**
 * Deletes a property definition (Admin). Refused while an access rule (a user or object condition, or either side of
 * a match) or a watermark trigger refers to it, naming them. Otherwise, in one transaction: its values leave every
 * user, object and template (`properties - '<id>'`), saved views drop it, its options and the definition go, the
 * change is audited and the authorization version bumped.
 */
export async function deleteProperty(
  db: Database,
  actor: ActingUser,
  input: DeletePropertyInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<DeletedProperty>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(deletePropertySchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    await lockOrganizationForAdminChange(tx, organizationId);
    const [locked] = await tx
      .select({ version: propertyDefinitions.version })
      .from(propertyDefinitions)
      .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.id, id)))
      .for("update");
    const current = locked ? await loadPropertyView(tx, organizationId, id) : null;
    if (!current) return fail("not_found", propertyNotFoundMessage);
    if (version !== undefined && current.version !== version) return fail("conflict", stalePropertyMessage);

    const references = await findPropertyReferences(tx, organizationId, id);
    if (hasReferences(references)) {
      return fail("conflict", "adminProperties.errors.propertyInUse", undefined, { name: current.name, references: referenceNames(references) });
    }

    const values = await removePropertyValues(tx, organizationId, id);
    const views = await removePropertyFromViews(tx, organizationId, id);
    // Options go with the definition (ON DELETE CASCADE).
    await tx.delete(propertyDefinitions).where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.id, id)));
    const removedValues = { users: values.users, objects: values.objects, templates: values.object_templates, views };
    await recordAdminChange(
      tx,
      actor,
      { action: "property.deleted", targetType: "property", targetId: id, before: auditedProperty(current), after: { removedValues } },
      context.clientAddress,
    );
    return ok({ id, removedValues });
  });
}
