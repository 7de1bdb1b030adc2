import "server-only";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentFiles, documentRevisions, objects, type RevisionStatus } from "@/db/schema";
import { isUuid } from "@/lib/validation/uuid";

/** A stored file with the revision and document it belongs to: what previews, stamps and downloads read. */
export interface FileFacts {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  revisionId: string;
  revisionLabel: string;
  revisionStatus: RevisionStatus;
  objectId: string;
  reference: string;
}

/**
 * The file of the caller's organisation with its revision and document; null for unknown, malformed or foreign ids
 * (the gate answers them like a document the caller cannot view).
 */
export async function loadFileFacts(db: Executor, organizationId: string, fileId: string): Promise<FileFacts | null> {
  if (!isUuid(fileId)) return null;
  const [row] = await selectFileFacts(db, and(eq(documentFiles.id, fileId), eq(documentFiles.organizationId, organizationId))!);
  return row ?? null;
}

/** The files of one revision, in the order they were attached. */
export function loadRevisionFileFacts(db: Executor, organizationId: string, revisionId: string): Promise<FileFacts[]> {
  return selectFileFacts(db, and(eq(documentFiles.revisionId, revisionId), eq(documentFiles.organizationId, organizationId))!);
}

function selectFileFacts(db: Executor, where: SQL): Promise<FileFacts[]> {
  return db
    .select({
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      contentType: documentFiles.contentType,
      sizeBytes: documentFiles.sizeBytes,
      sha256: documentFiles.sha256,
      storageKey: documentFiles.storageKey,
      revisionId: documentRevisions.id,
      revisionLabel: documentRevisions.label,
      revisionStatus: documentRevisions.status,
      objectId: objects.id,
      reference: objects.reference,
    })
    .from(documentFiles)
    .innerJoin(documentRevisions, and(eq(documentRevisions.id, documentFiles.revisionId), eq(documentRevisions.organizationId, documentFiles.organizationId)))
    .innerJoin(objects, and(eq(objects.id, documentRevisions.objectId), eq(objects.organizationId, documentRevisions.organizationId)))
    .where(where)
    .orderBy(asc(documentFiles.createdAt), asc(documentFiles.fileName));
}

/** The gate's target loader for routes under /api/v1/files/{id}: the document the file belongs to. */
export async function documentOfFile(input: { id: string }, scope: { db: Executor; organizationId: string }): Promise<string | null> {
  return (await loadFileFacts(scope.db, scope.organizationId, input.id))?.objectId ?? null;
}
