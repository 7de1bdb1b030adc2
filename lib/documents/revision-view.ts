import type { RevisionSnapshot, RevisionStatus } from "@/db/schema";

export interface PersonRef {
  id: string;
  name: string;
}

/** A file of a revision as the API and the page show it (its bytes are fetched through previews and downloads). */
export interface FileView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: PersonRef;
}

/** One revision of a document with its files, oldest file first. */
export interface RevisionView {
  id: string;
  objectId: string;
  label: string;
  sequence: number;
  status: RevisionStatus;
  note: string | null;
  createdAt: Date;
  createdBy: PersonRef;
  validatedAt: Date | null;
  validatedBy: PersonRef | null;
  obsoletedAt: Date | null;
  /** The document's title and properties recorded at validation; null on a draft (it has the live ones). */
  snapshot: RevisionSnapshot | null;
  /** Bumped by every change of the draft (note, files) and by validation: validating states the one the user saw. */
  version: number;
  files: FileView[];
}

export interface RevisionPage {
  items: RevisionView[];
  nextCursor: string | null;
}
