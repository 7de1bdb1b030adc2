import { deleteComment, deleteCommentSchema } from "@/lib/activity/delete-comment";
import { updateComment, updateCommentSchema } from "@/lib/activity/update-comment";
import { defineRoute } from "@/lib/gate/define-route";

// One's own comment, within 15 minutes of posting it (an Admin may also delete anyone's). 404 for an object the
// caller cannot view, or a comment that is not on it.

/** Edits the text: `{ body, version }`; 409 when the version is stale, 403 past the window or on another's comment. */
export const PATCH = defineRoute(
  { name: "comments.update", input: updateCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  ({ db, user, input, clientAddress }) => updateComment(db, user, input, { clientAddress }),
);

/** Deletes it; `?version=` refuses the deletion of a comment edited since. */
export const DELETE = defineRoute(
  { name: "comments.delete", input: deleteCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  ({ db, user, input, clientAddress }) => deleteComment(db, user, input, { clientAddress }),
);
