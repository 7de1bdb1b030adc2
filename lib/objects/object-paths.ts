import type { ObjectType } from "@/db/schema";

/** Where each object type's list lives; an object's page is `<list>/<id>`, its Share tab `<list>/<id>/share`. */
export const objectListPaths = {
  document: "/documents",
  part: "/parts",
  product: "/products",
  project: "/projects",
  manufacturing_order: "/manufacturing-orders",
  workflow: "/workflows",
} as const satisfies Record<ObjectType, `/${string}`>;

export function objectPath(type: ObjectType, id: string): string {
  return `${objectListPaths[type]}/${id}`;
}

export function objectSharePath(type: ObjectType, id: string): string {
  return `${objectPath(type, id)}/share`;
}
