import { defineRoute } from "@/lib/gate/define-route";
import { listRevisions, listRevisionsSchema } from "@/lib/documents/list-revisions";
import { openNextDraft, openNextDraftSchema } from "@/lib/documents/open-next-draft";

// A document's revisions (API.md): 404 for a document the caller cannot view, whatever is asked of it.

/** Revisions newest first, each with its files: `{ items, nextCursor }` with `?limit=&cursor=`. */
export const GET = defineRoute(
  { name: "revisions.list", input: listRevisionsSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => listRevisions(db, user, input, { clientAddress, authorized: object }),
);

/** Opens the next draft `{ note? }` (Modify, Manager+); 201 with it, 409 while a draft is open. */
export const POST = defineRoute(
  { name: "revisions.create", input: openNextDraftSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  ({ db, user, input, clientAddress }) => openNextDraft(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
