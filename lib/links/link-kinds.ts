import type { ObjectLinkKind, ObjectType } from "@/db/schema";

/**
 * Which links a user may make, by kind: from which source types to which target types. A link goes from the object
 * that "has" the other (a product has its parts, a project its deliverables); `related` joins any two objects.
 */
const linkKindRules: Record<Exclude<ObjectLinkKind, "mo_product">, { from: readonly ObjectType[] | "any"; to: readonly ObjectType[] | "any" }> = {
  related: { from: "any", to: "any" },
  product_part: { from: ["product"], to: ["part"] },
  bom: { from: ["product", "part"], to: ["part"] },
  project_deliverable: { from: ["project"], to: ["document", "part", "product"] },
  workflow_subject: { from: ["workflow"], to: ["document", "part", "product", "project", "manufacturing_order"] },
};

/** The kinds users make and remove through the links service, in the order forms offer them. */
export const userLinkKinds = ["related", "product_part", "bom", "project_deliverable", "workflow_subject"] as const;
export type UserLinkKind = (typeof userLinkKinds)[number];

/**
 * Kinds another record keeps: a manufacturing order's `mo_product` link follows the order's product, so it is shown
 * but changed only through the order.
 */
export function isManagedLinkKind(kind: ObjectLinkKind): kind is "mo_product" {
  return kind === "mo_product";
}

/** Kinds that carry a quantity of the target per source (a product's parts, BOM lines). */
export function linkKindHasQuantity(kind: ObjectLinkKind): boolean {
  return kind === "product_part" || kind === "bom";
}

function allows(types: readonly ObjectType[] | "any", type: ObjectType): boolean {
  return types === "any" || types.includes(type);
}

/** The kinds a user may make from an object of this type (what the add form offers). */
export function linkKindsFrom(type: ObjectType): UserLinkKind[] {
  return userLinkKinds.filter((kind) => allows(linkKindRules[kind].from, type));
}

/** Whether a link of this kind may go from an object of one type to an object of another. */
export function linkKindAllows(kind: UserLinkKind, from: ObjectType, to: ObjectType): boolean {
  const rule = linkKindRules[kind];
  return allows(rule.from, from) && allows(rule.to, to);
}
