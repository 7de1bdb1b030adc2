import type { ObjectLinkKind, ObjectType } from "@/db/schema";

/** Seen from one object: a link it makes (outgoing, it is the source) or one made to it (incoming). */
export type LinkDirection = "outgoing" | "incoming";

/** One link as an object's links list answers it: the other object, which the caller can view, and the link itself. */
export interface LinkView {
  id: string;
  kind: ObjectLinkKind;
  direction: LinkDirection;
  /** Product parts and BOM lines: quantity of the target per source; null for other kinds. */
  quantity: number | null;
  /** Row version: a quantity change or a removal states the one it read. */
  version: number;
  createdAt: string;
  object: { id: string; type: ObjectType; reference: string; title: string };
  /**
   * Whether the caller may change or remove it: link access (Modify, Manager+) on its source, and not a link another
   * record keeps. A hint for the UI: the server decides again.
   */
  canEdit: boolean;
}

export interface LinkRow {
  id: string;
  kind: ObjectLinkKind;
  direction: LinkDirection;
  quantity: string | null;
  version: number;
  createdAt: Date;
  objectId: string;
  objectType: ObjectType;
  reference: string;
  title: string;
}

export function toLinkView(row: LinkRow, canEdit: boolean): LinkView {
  return {
    id: row.id,
    kind: row.kind,
    direction: row.direction,
    quantity: row.quantity === null ? null : Number(row.quantity),
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    object: { id: row.objectId, type: row.objectType, reference: row.reference, title: row.title },
    canEdit,
  };
}
