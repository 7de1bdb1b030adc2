import "server-only";
import type { Database } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AuthorizedObject } from "@/lib/authz/object-access";
import { loadPropertyDefinitions, type PropertyDefinitionFacts } from "@/lib/properties/load-property-definitions";
import type { ObjectWithAccess } from "@/lib/objects/get-object";
import { ok, type Result } from "@/lib/result";
import { listRevisions } from "./list-revisions";
import { diffRevisions, type RevisionDiff } from "./revision-diff";
import type { RevisionView } from "./revision-view";
import { maxFilesPerUpload } from "./upload-draft-files";
import { env } from "@/lib/env";

/** The most revisions the page lists (a document rarely has more than a few dozen; the API pages through all). */
const panelRevisionLimit = 200;

export interface RevisionsPanelData {
  /** Newest first. */
  revisions: RevisionView[];
  /** What changed since the revision before, by revision id (absent for the first). */
  changes: Map<string, RevisionDiff>;
  definitions: Map<string, PropertyDefinitionFacts>;
  uploadLimits: { megabytes: number; files: number };
}

/** The document page's revisions: their history, files, what each changed, and the upload limits to announce. */
export async function loadRevisionsPanel(
  db: Database,
  user: ActingUser,
  object: ObjectWithAccess,
  authorized: AuthorizedObject,
): Promise<Result<RevisionsPanelData>> {
  const [listed, definitions] = await Promise.all([
    listRevisions(db, user, { id: object.id, limit: panelRevisionLimit }, { authorized }),
    loadPropertyDefinitions(db, user.organizationId, ["document"]),
  ]);
  if (!listed.ok) return listed;
  const revisions = listed.data.items;
  const stateOf = (revision: RevisionView) => (revision.status === "draft" ? { title: object.title, properties: object.properties } : revision.snapshot);
  const changes = new Map<string, RevisionDiff>();
  revisions.forEach((revision, index) => {
    const previous = revisions[index + 1];
    if (!previous) return;
    changes.set(revision.id, diffRevisions({ files: previous.files, state: stateOf(previous) }, { files: revision.files, state: stateOf(revision) }));
  });
  return ok({ revisions, changes, definitions, uploadLimits: { megabytes: env().ATELIER_MAX_UPLOAD_MB, files: maxFilesPerUpload } });
}
