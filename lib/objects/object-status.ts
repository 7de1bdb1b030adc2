import { sql, type SQL } from "drizzle-orm";
import {
  documentRevisions,
  manufacturingOrders,
  manufacturingOrderStatuses,
  parts,
  partStatuses,
  products,
  productStatuses,
  projects,
  projectStatuses,
  revisionStatuses,
  workflows,
  workflowStatuses,
  type ObjectType,
} from "@/db/schema";

/** The statuses a list of each type can be filtered by; a document's is its newest revision's. */
export const statusesByType: Record<ObjectType, readonly string[]> = {
  document: revisionStatuses,
  part: partStatuses,
  product: productStatuses,
  project: projectStatuses,
  manufacturing_order: manufacturingOrderStatuses,
  workflow: workflowStatuses,
};

// Written out in full: drizzle leaves the columns of a one-table select unqualified, and inside a sub-select on
// document_revisions a bare "id" would be the revision's own.
const outerObjectId = sql.raw(`"objects"."id"`);

/**
 * An object's status as a correlated sub-select on its type's table: read for the rows of one page only, and as a
 * filter it probes one primary-key row per candidate.
 */
export function objectStatusSql(type: ObjectType): SQL<string | null> {
  switch (type) {
    case "document":
      return sql<string | null>`(select ${documentRevisions.status}::text from ${documentRevisions} where ${documentRevisions.objectId} = ${outerObjectId} order by ${documentRevisions.sequence} desc limit 1)`;
    case "part":
      return sql<string | null>`(select ${parts.status}::text from ${parts} where ${parts.objectId} = ${outerObjectId})`;
    case "product":
      return sql<string | null>`(select ${products.status}::text from ${products} where ${products.objectId} = ${outerObjectId})`;
    case "project":
      return sql<string | null>`(select ${projects.status}::text from ${projects} where ${projects.objectId} = ${outerObjectId})`;
    case "manufacturing_order":
      return sql<string | null>`(select ${manufacturingOrders.status}::text from ${manufacturingOrders} where ${manufacturingOrders.objectId} = ${outerObjectId})`;
    case "workflow":
      return sql<string | null>`(select ${workflows.status}::text from ${workflows} where ${workflows.objectId} = ${outerObjectId})`;
  }
}
