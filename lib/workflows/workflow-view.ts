import type { ObjectType, RevisionStatus, SignatureDecision, TaskStatus, WorkflowKind, WorkflowStatus, WorkflowTaskKind } from "@/db/schema";

export interface PersonRef {
  id: string;
  name: string;
}

export interface SignatureView {
  id: string;
  decision: SignatureDecision;
  comment: string | null;
  signedAt: string;
  signer: PersonRef;
}

/** A task of a workflow; a signature task names its revision (null when the reader cannot view the document). */
export interface WorkflowTaskView {
  id: string;
  kind: WorkflowTaskKind;
  title: string;
  assignee: (PersonRef & { active: boolean }) | null;
  dueDate: string | null;
  status: TaskStatus;
  completedAt: string | null;
  position: number;
  version: number;
  revision: { id: string; label: string; status: RevisionStatus; documentId: string; documentReference: string } | null;
  signatures: SignatureView[];
}

export interface WorkflowSubjectView {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
}

/** A workflow as the API answers it: the version is its object's (edits and status changes state it). */
export interface WorkflowView {
  id: string;
  reference: string;
  title: string;
  kind: WorkflowKind;
  status: WorkflowStatus;
  responsible: PersonRef;
  /** Only the subjects the reader can view. */
  subjects: WorkflowSubjectView[];
  tasks: WorkflowTaskView[];
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A row of the workflows list. */
export interface WorkflowSummary {
  id: string;
  reference: string;
  title: string;
  kind: WorkflowKind;
  status: WorkflowStatus;
  responsible: PersonRef;
  openTaskCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const isoOrNull = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);
