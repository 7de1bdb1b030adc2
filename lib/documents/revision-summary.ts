import type { RevisionStatus } from "@/db/schema";

/** A revision after a change of state: enough for a caller to say what happened and to edit it again. */
export interface RevisionSummary {
  id: string;
  objectId: string;
  label: string;
  status: RevisionStatus;
  version: number;
  validatedAt: Date | null;
  validatedById: string | null;
}

export const revisionSummaryOf = (row: RevisionSummary): RevisionSummary => ({
  id: row.id,
  objectId: row.objectId,
  label: row.label,
  status: row.status,
  version: row.version,
  validatedAt: row.validatedAt,
  validatedById: row.validatedById,
});
