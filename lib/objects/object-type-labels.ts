import type { ObjectType } from "@/db/schema";

/** Display names and reference prefixes of the object types (SPEC §9: DOC-000123, PRT-, PRD-, PRJ-, MO-, WF-). */
export const objectTypeLabels: Record<ObjectType, { singular: string; plural: string; prefix: string }> = {
  document: { singular: "Document", plural: "Documents", prefix: "DOC" },
  part: { singular: "Part", plural: "Parts", prefix: "PRT" },
  product: { singular: "Product", plural: "Products", prefix: "PRD" },
  project: { singular: "Project", plural: "Projects", prefix: "PRJ" },
  manufacturing_order: { singular: "Manufacturing order", plural: "Manufacturing orders", prefix: "MO" },
  workflow: { singular: "Workflow", plural: "Workflows", prefix: "WF" },
};

export function formatReference(type: ObjectType, number: number): string {
  return `${objectTypeLabels[type].prefix}-${String(number).padStart(6, "0")}`;
}
