import "server-only";
import { eq } from "drizzle-orm";
import { partStatuses, parts, productStatuses, products } from "@/db/schema";
import { objectNotFoundMessage } from "@/lib/authz/object-access";
import { fail, ok } from "@/lib/result";
import { askedStatus, changedFields, type PlanDetailsChange } from "./details-change";

/**
 * A part's status, unit and material. Any status may follow any other: a part released too early goes back into
 * design, and an obsolete one can be revived, as engineers do; the activity feed keeps every move.
 */
export const planPartChange: PlanDetailsChange = async (tx, _subject, objectId, patch) => {
  const status = askedStatus(partStatuses, patch.status);
  if (status === null) return fail("invalid", "errors.fieldsNeedAttention", { status: "details.fields.statusNotFor.part" });
  const [current] = await tx.select({ status: parts.status, unit: parts.unit, material: parts.material }).from(parts).where(eq(parts.objectId, objectId));
  if (!current) return fail("not_found", objectNotFoundMessage);
  const changes = changedFields(current, patch, ["status", "unit", "material"] as const);
  return ok({
    changes,
    unrecorded: [],
    write: async (db) => {
      await db
        .update(parts)
        .set({
          ...("status" in changes ? { status } : {}),
          ...("unit" in changes ? { unit: patch.unit } : {}),
          ...("material" in changes ? { material: patch.material } : {}),
        })
        .where(eq(parts.objectId, objectId));
    },
  });
};

/** A product's lifecycle status, any to any (as for parts); the moment it last changed is kept beside it. */
export const planProductChange: PlanDetailsChange = async (tx, _subject, objectId, patch) => {
  const status = askedStatus(productStatuses, patch.status);
  if (status === null) return fail("invalid", "errors.fieldsNeedAttention", { status: "details.fields.statusNotFor.product" });
  const [current] = await tx.select({ status: products.status }).from(products).where(eq(products.objectId, objectId));
  if (!current) return fail("not_found", objectNotFoundMessage);
  return ok({
    changes: changedFields(current, patch, ["status"] as const),
    unrecorded: [],
    write: async (db) => {
      await db.update(products).set({ status, statusChangedAt: new Date() }).where(eq(products.objectId, objectId));
    },
  });
};
