import { listActivity, listActivitySchema } from "@/lib/activity/list-activity";
import { postComment, postCommentSchema } from "@/lib/activity/post-comment";
import { defineRoute } from "@/lib/gate/define-route";

// The object's activity feed (API.md): 404 for an object the caller cannot view, whatever is asked of it.

/** Comments and events, newest first: `{ items, nextCursor }` with `?limit=&cursor=`. */
export const GET = defineRoute(
  { name: "comments.list", input: listActivitySchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => listActivity(db, user, input, { clientAddress, authorized: object }),
);

/** Posts a comment `{ body }` (every role may comment); 201 with the comment. */
export const POST = defineRoute(
  { name: "comments.create", input: postCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  ({ db, user, input, clientAddress }) => postComment(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
