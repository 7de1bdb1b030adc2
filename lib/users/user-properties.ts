import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { currentSubject } from "@/lib/objects/current-subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { validatePropertyValues, type PropertyValuesPatch } from "@/lib/properties/validate-property-values";
import type { Result } from "@/lib/result";

/**
 * Checks custom property values for a user (SPEC §5, §9) with the properties module's validation: each a user
 * property, of its type, in canonical form; relations only to users of the organisation or to objects the acting
 * Admin can see (Admins are not exempt from scope and rules). Errors are keyed `properties.<propertyId>`.
 */
export async function validateUserProperties(tx: Executor, actor: ActingUser, values: Record<string, unknown>): Promise<Result<PropertyValuesPatch>> {
  const subject = await currentSubject(tx, actor);
  return validatePropertyValues(tx, {
    organizationId: actor.organizationId,
    appliesTo: "user",
    values,
    visibleObjectIds: (type, ids) => visibleObjectIds(tx, subject, type, ids),
  });
}
