import { defineRoute } from "@/lib/gate/define-route";
import { getRevision, getRevisionSchema } from "@/lib/documents/get-revision";
import { updateDraft, updateDraftSchema } from "@/lib/documents/update-draft";

/** One revision (`{rev}`: its id or label) with its files. */
export const GET = defineRoute(
  { name: "revisions.read", input: getRevisionSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => getRevision(db, user, input, { clientAddress, authorized: object }),
);

/** Edits a draft's note `{ note, version }`; a validated or obsolete revision is 409 (immutable). */
export const PATCH = defineRoute(
  { name: "revisions.update", input: updateDraftSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  ({ db, user, input, clientAddress }) => updateDraft(db, user, input, { clientAddress }),
);
