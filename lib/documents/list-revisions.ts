import "server-only";
import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { documentRevisions } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { ObjectReadContext } from "@/lib/authz/object-access";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { cursorSchema, decodeCursorText, encodeCursorText, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { authorizeDocumentRead } from "./document-read";
import { loadRevisionViews } from "./load-revision-views";
import type { RevisionPage } from "./revision-view";

const listFields = z.strictObject({ id: objectIdSchema, limit: pageLimitSchema, cursor: cursorSchema.optional() });
export const listRevisionsSchema = withoutEmptyParameters(listFields);
export type ListRevisionsInput = z.input<typeof listFields>;

/** The cursor holds the sequence of the page's last revision: the next page starts below it. */
function decodeSequence(cursor: string): number | null {
  const payload = decodeCursorText(cursor);
  return payload !== null && /^(0|[1-9][0-9]{0,8})$/.test(payload) ? Number(payload) : null;
}

/** A document's revisions, newest first, each with its files: `not_found` for a document the user cannot view. */
export async function listRevisions(
  db: Executor,
  user: ActingUser,
  input: ListRevisionsInput,
  context: ObjectReadContext = {},
): Promise<Result<RevisionPage>> {
  const parsed = parseInput(listRevisionsSchema, input);
  if (!parsed.ok) return parsed;
  const { id, limit, cursor } = parsed.data;
  const authorized = await authorizeDocumentRead(db, user, id, context);
  if (!authorized.ok) return authorized;
  const before = cursor === undefined ? null : decodeSequence(cursor);
  if (cursor !== undefined && before === null) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const rows = await loadRevisionViews(
    db,
    { organizationId: user.organizationId, objectId: id },
    { where: before === null ? undefined : lt(documentRevisions.sequence, before), order: [desc(documentRevisions.sequence)], limit: limit + 1 },
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return ok({ items, nextCursor: rows.length > limit && last ? encodeCursorText(String(last.sequence)) : null });
}
