import type {
  ManufacturingOrderStatus,
  ObjectType,
  PartStatus,
  ProductStatus,
  ProjectStatus,
  RevisionStatus,
  WorkflowKind,
  WorkflowStatus,
} from "@/db/schema";

/** The product of a manufacturing order: named only when the reader can view it (SPEC §3), else only said to exist. */
export type OrderProduct = { visible: true; id: string; reference: string; title: string } | { visible: false };

/** Done tasks over all tasks, in whole percent rounded down (100 only when every task is done); null without tasks. */
export interface ProjectProgress {
  total: number;
  done: number;
  completion: number | null;
}

/** The type-specific details of an object (the common columns — title, owner, scope… — are the object's own). */
export type TypeDetails =
  | { type: "part"; status: PartStatus; unit: string; material: string | null }
  | { type: "product"; status: ProductStatus; statusChangedAt: string }
  | {
      type: "project";
      status: ProjectStatus;
      team: { id: string; name: string } | null;
      startDate: string | null;
      dueDate: string | null;
      tasks: ProjectProgress;
    }
  | {
      type: "manufacturing_order";
      status: ManufacturingOrderStatus;
      /** The statuses the order may move to from here (SPEC §5's order lifecycle). */
      nextStatuses: ManufacturingOrderStatus[];
      product: OrderProduct | null;
      quantity: number;
      site: { id: string; name: string; archived: boolean } | null;
      plannedStart: string | null;
      plannedEnd: string | null;
      startedAt: string | null;
      finishedAt: string | null;
    }
  | {
      type: "document";
      /** The latest revision: the draft under way, else the last validated one. Revisions are their own resource. */
      currentRevision: { label: string; status: RevisionStatus } | null;
      revisionCount: number;
    }
  | { type: "workflow"; kind: WorkflowKind; status: WorkflowStatus; responsible: { id: string; name: string } };

/** What `GET …/details` answers: the object's id and version (a details edit states it), and its type's details. */
export type ObjectDetails = { id: string; version: number } & TypeDetails;

/** The details each type lets an edit change; documents' and workflows' belong to their revisions and workflow. */
export const editableDetailFields = {
  part: ["status", "unit", "material"],
  product: ["status"],
  project: ["status", "teamId", "startDate", "dueDate"],
  manufacturing_order: ["status", "productId", "quantity", "siteId", "plannedStart", "plannedEnd"],
  document: [],
  workflow: [],
} as const satisfies Record<ObjectType, readonly string[]>;
