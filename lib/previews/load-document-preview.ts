import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { documentRevisions, type RevisionStatus } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { subjectOf } from "@/lib/authz/subject";
import { ok, type Result } from "@/lib/result";
import { loadRevisionFileFacts } from "./file-facts";
import { filePreviewInfo, type FilePreviewInfo } from "./file-preview-info";

/** What the document page's preview panel shows: the newest revision and its files, each with its preview facts. */
export interface DocumentPreview {
  revision: { id: string; label: string; status: RevisionStatus } | null;
  files: FilePreviewInfo[];
  canDownload: boolean;
}

/**
 * The preview panel's data for a document the caller can view: its newest revision (the draft being worked on, else
 * the validated or last one) with its files. Page counts come from the preview cache after the first view.
 */
export async function loadDocumentPreview(db: Executor, user: ActingUser, objectId: string, context: ObjectReadContext = {}): Promise<Result<DocumentPreview>> {
  const authorized = await authorizeObjectRead(db, subjectOf(user), objectId, "view", context);
  if (!authorized.ok) return authorized;
  const canDownload = authorized.data.decision.actions.download.allowed;
  const [revision] = await db
    .select({ id: documentRevisions.id, label: documentRevisions.label, status: documentRevisions.status })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.objectId, objectId), eq(documentRevisions.organizationId, user.organizationId)))
    .orderBy(desc(documentRevisions.sequence))
    .limit(1);
  if (!revision) return ok({ revision: null, files: [], canDownload });
  const facts = await loadRevisionFileFacts(db, user.organizationId, revision.id);
  const files: FilePreviewInfo[] = [];
  // One after the other: counting a PDF's pages parses it, and the heavy work is queued anyway.
  for (const file of facts) files.push(await filePreviewInfo(file, authorized.data.decision));
  return ok({ revision, files, canDownload });
}
