import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { documentFiles, documentRevisions, users } from "@/db/schema";
import type { FileView, RevisionView } from "./revision-view";

const creators = alias(users, "revision_creators");
const validators = alias(users, "revision_validators");
const uploaders = alias(users, "file_uploaders");

/** The files of some revisions, by revision id, oldest first. */
export async function loadRevisionFiles(db: Executor, organizationId: string, revisionIds: string[]): Promise<Map<string, FileView[]>> {
  const byRevision = new Map<string, FileView[]>(revisionIds.map((id) => [id, []]));
  if (revisionIds.length === 0) return byRevision;
  const rows = await db
    .select({
      revisionId: documentFiles.revisionId,
      id: documentFiles.id,
      fileName: documentFiles.fileName,
      contentType: documentFiles.contentType,
      sizeBytes: documentFiles.sizeBytes,
      sha256: documentFiles.sha256,
      uploadedAt: documentFiles.createdAt,
      uploaderId: uploaders.id,
      uploaderName: uploaders.name,
    })
    .from(documentFiles)
    .innerJoin(uploaders, eq(uploaders.id, documentFiles.uploadedById))
    .where(and(eq(documentFiles.organizationId, organizationId), inArray(documentFiles.revisionId, revisionIds)))
    .orderBy(asc(documentFiles.createdAt), asc(documentFiles.fileName), asc(documentFiles.id));
  for (const { revisionId, uploaderId, uploaderName, ...file } of rows) {
    byRevision.get(revisionId)?.push({ ...file, uploadedBy: { id: uploaderId, name: uploaderName } });
  }
  return byRevision;
}

/**
 * Revisions of one document with their people and files, in the order asked; `where` narrows them further. The
 * caller has decided that the user may view the document.
 */
export async function loadRevisionViews(
  db: Executor,
  scope: { organizationId: string; objectId: string },
  options: { where?: SQL; order: SQL[]; limit?: number },
): Promise<RevisionView[]> {
  const query = db
    .select({
      id: documentRevisions.id,
      objectId: documentRevisions.objectId,
      label: documentRevisions.label,
      sequence: documentRevisions.sequence,
      status: documentRevisions.status,
      note: documentRevisions.note,
      createdAt: documentRevisions.createdAt,
      creatorId: creators.id,
      creatorName: creators.name,
      validatedAt: documentRevisions.validatedAt,
      validatorId: validators.id,
      validatorName: validators.name,
      obsoletedAt: documentRevisions.obsoletedAt,
      snapshot: documentRevisions.snapshot,
      version: documentRevisions.version,
    })
    .from(documentRevisions)
    .innerJoin(creators, eq(creators.id, documentRevisions.createdById))
    .leftJoin(validators, eq(validators.id, documentRevisions.validatedById))
    .where(and(eq(documentRevisions.organizationId, scope.organizationId), eq(documentRevisions.objectId, scope.objectId), options.where))
    .orderBy(...options.order);
  const rows = options.limit === undefined ? await query : await query.limit(options.limit);
  const files = await loadRevisionFiles(db, scope.organizationId, rows.map((row) => row.id));
  return rows.map(({ creatorId, creatorName, validatorId, validatorName, ...row }) => ({
    ...row,
    createdBy: { id: creatorId, name: creatorName },
    validatedBy: validatorId && validatorName ? { id: validatorId, name: validatorName } : null,
    files: files.get(row.id) ?? [],
  }));
}
