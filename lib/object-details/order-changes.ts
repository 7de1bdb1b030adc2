import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { manufacturingOrders, manufacturingOrderStatuses, objectLinks, sites } from "@/db/schema";
import { objectNotFoundMessage } from "@/lib/authz/object-access";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { fail, ok } from "@/lib/result";
import { askedStatus, changedFields, type PlanDetailsChange } from "./details-change";
import { isOrderMove, orderMoveTimes } from "./order-moves";

/**
 * A manufacturing order's status (along its lifecycle only, recording when work started and finished), product,
 * quantity, site and planned dates. A new product must be one the editor can view; a new site must be live (an
 * archived site already set may stay). The product link (`mo_product`) follows the product.
 */
export const planOrderChange: PlanDetailsChange = async (tx, subject, objectId, patch) => {
  const [current] = await tx
    .select({
      status: manufacturingOrders.status,
      productId: manufacturingOrders.productObjectId,
      quantity: manufacturingOrders.quantity,
      siteId: manufacturingOrders.siteId,
      plannedStart: manufacturingOrders.plannedStart,
      plannedEnd: manufacturingOrders.plannedEnd,
    })
    .from(manufacturingOrders)
    .where(eq(manufacturingOrders.objectId, objectId));
  if (!current) return fail("not_found", objectNotFoundMessage);

  const fields: Record<string, string> = {};
  const status = askedStatus(manufacturingOrderStatuses, patch.status);
  if (status === null) fields.status = "details.fields.statusNotFor.manufacturing_order";
  const move = status && status !== current.status ? status : null;
  if (move && !isOrderMove(current.status, move)) {
    return fail("invalid", "details.errors.orderMoveRefused", { status: "details.fields.orderMoveRefused" }, { from: current.status, to: move });
  }
  if (patch.productId && patch.productId !== current.productId && !(await visibleObjectIds(tx, subject, "product", [patch.productId])).has(patch.productId)) {
    fields.productId = "objects.details.productUnknown";
  }
  if (patch.siteId && patch.siteId !== current.siteId) {
    const [site] = await tx
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.id, patch.siteId), eq(sites.organizationId, subject.organizationId), isNull(sites.archivedAt)));
    if (!site) fields.siteId = "objects.details.siteUnavailable";
  }
  const plannedStart = patch.plannedStart === undefined ? current.plannedStart : patch.plannedStart;
  const plannedEnd = patch.plannedEnd === undefined ? current.plannedEnd : patch.plannedEnd;
  if (plannedStart && plannedEnd && plannedEnd < plannedStart) fields[patch.plannedEnd === undefined ? "plannedStart" : "plannedEnd"] = "details.fields.endBeforeStart";
  if (Object.keys(fields).length > 0) return fail("invalid", "errors.fieldsNeedAttention", fields);

  const { productId: productChange, ...changes } = changedFields(current, patch, ["status", "productId", "quantity", "siteId", "plannedStart", "plannedEnd"] as const);
  return ok({
    changes,
    unrecorded: productChange ? ["productId"] : [],
    write: async (db) => {
      const now = new Date();
      await db
        .update(manufacturingOrders)
        .set({
          ...(move ? { status: move, ...orderMoveTimes(move, now) } : {}),
          ...(productChange ? { productObjectId: patch.productId } : {}),
          ...("quantity" in changes ? { quantity: patch.quantity } : {}),
          ...("siteId" in changes ? { siteId: patch.siteId } : {}),
          ...("plannedStart" in changes ? { plannedStart } : {}),
          ...("plannedEnd" in changes ? { plannedEnd } : {}),
          updatedAt: now,
        })
        .where(eq(manufacturingOrders.objectId, objectId));
      if (!productChange) return;
      await db
        .delete(objectLinks)
        .where(and(eq(objectLinks.organizationId, subject.organizationId), eq(objectLinks.fromObjectId, objectId), eq(objectLinks.kind, "mo_product")));
      if (patch.productId) {
        await db
          .insert(objectLinks)
          .values({ organizationId: subject.organizationId, fromObjectId: objectId, toObjectId: patch.productId, kind: "mo_product", createdById: subject.id });
      }
    },
  });
};
