import type { ObjectType } from "@/db/schema";

/** Reference prefixes of the object types (SPEC §9: DOC-000123, PRT-, PRD-, PRJ-, MO-, WF-); their names are in the catalogues. */
export const referencePrefixes: Record<ObjectType, string> = {
  document: "DOC",
  part: "PRT",
  product: "PRD",
  project: "PRJ",
  manufacturing_order: "MO",
  workflow: "WF",
};

export function formatReference(type: ObjectType, number: number): string {
  return `${referencePrefixes[type]}-${String(number).padStart(6, "0")}`;
}
