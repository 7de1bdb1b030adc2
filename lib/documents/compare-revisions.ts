import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { documentRevisions, objects, type RevisionSnapshot } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectReadContext } from "@/lib/authz/object-access";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { authorizeDocumentRead } from "./document-read";
import { findRevisionId } from "./find-revision";
import { loadRevisionViews } from "./load-revision-views";
import { diffRevisions, type RevisionDiff } from "./revision-diff";
import { revisionNotFoundMessage } from "./revision-messages";
import { revisionRefSchema } from "./revision-schemas";
import type { RevisionView } from "./revision-view";

export const compareRevisionsSchema = z.strictObject({ id: objectIdSchema, from: revisionRefSchema, to: revisionRefSchema });
export type CompareRevisionsInput = z.input<typeof compareRevisionsSchema>;

type RevisionHeading = Pick<RevisionView, "id" | "label" | "status">;

export interface RevisionComparison extends RevisionDiff {
  from: RevisionHeading;
  to: RevisionHeading;
}

/** What a revision recorded of its document: its snapshot, or — for the draft — the document as it is now. */
export async function documentStateOf(
  db: Executor,
  scope: { organizationId: string; objectId: string },
  revision: Pick<RevisionView, "status" | "snapshot">,
): Promise<RevisionSnapshot | null> {
  if (revision.status !== "draft") return revision.snapshot;
  const [live] = await db
    .select({ title: objects.title, properties: objects.properties })
    .from(objects)
    .where(and(eq(objects.organizationId, scope.organizationId), eq(objects.id, scope.objectId)));
  return live ?? null;
}

/** What changed from one revision of a document to another: files (by name and SHA-256) and properties. */
export async function compareRevisions(
  db: Executor,
  user: ActingUser,
  input: CompareRevisionsInput,
  context: ObjectReadContext = {},
): Promise<Result<RevisionComparison>> {
  const parsed = parseInput(compareRevisionsSchema, input);
  if (!parsed.ok) return parsed;
  const { id, from, to } = parsed.data;
  const authorized = await authorizeDocumentRead(db, user, id, context);
  if (!authorized.ok) return authorized;
  const scope = { organizationId: user.organizationId, objectId: id };
  const [fromId, toId] = await Promise.all([findRevisionId(db, scope, from), findRevisionId(db, scope, to)]);
  if (!fromId || !toId) return fail("not_found", revisionNotFoundMessage);
  const views = await loadRevisionViews(db, scope, { where: inArray(documentRevisions.id, [fromId, toId]), order: [] });
  const before = views.find((view) => view.id === fromId)!;
  const after = views.find((view) => view.id === toId)!;
  const [beforeState, afterState] = await Promise.all([documentStateOf(db, scope, before), documentStateOf(db, scope, after)]);
  const heading = ({ id, label, status }: RevisionView): RevisionHeading => ({ id, label, status });
  return ok({
    from: heading(before),
    to: heading(after),
    ...diffRevisions({ files: before.files, state: beforeState }, { files: after.files, state: afterState }),
  });
}
