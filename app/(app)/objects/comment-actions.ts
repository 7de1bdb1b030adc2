"use server";

import { revalidatePath } from "next/cache";
import { deleteComment, deleteCommentSchema } from "@/lib/activity/delete-comment";
import { listActivity, listActivitySchema } from "@/lib/activity/list-activity";
import { postComment, postCommentSchema } from "@/lib/activity/post-comment";
import { updateComment, updateCommentSchema } from "@/lib/activity/update-comment";
import type { AuthorizedObject } from "@/lib/authz/object-access";
import { defineAction, defineFormAction } from "@/lib/gate/define-action";
import { objectPath } from "@/lib/objects/object-paths";
import type { Result } from "@/lib/result";

// The activity feed's actions, for every object page. The gate answers not_found for an object the caller cannot
// view; the services decide again inside their transaction.

/** The object's page shows the feed's first page: it is drawn again after a change. */
function refreshObjectPage<T>(result: Result<T>, object: AuthorizedObject | undefined): Result<T> {
  if (result.ok && object) revalidatePath(objectPath(object.facts.type, object.facts.id));
  return result;
}

export const postCommentAction = defineFormAction(
  { name: "comments.create", input: postCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  async ({ db, user, input, clientAddress, object }) => refreshObjectPage(await postComment(db, user, input, { clientAddress }), object),
);

export const updateCommentAction = defineAction(
  { name: "comments.update", input: updateCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  async ({ db, user, input, clientAddress, object }) => refreshObjectPage(await updateComment(db, user, input, { clientAddress }), object),
);

export const deleteCommentAction = defineAction(
  { name: "comments.delete", input: deleteCommentSchema, capability: "comment", object: { id: (input) => input.id, action: "comment" } },
  async ({ db, user, input, clientAddress, object }) => refreshObjectPage(await deleteComment(db, user, input, { clientAddress }), object),
);

/** The next page of older activity ("Load older activity"). */
export const loadOlderActivityAction = defineAction(
  { name: "comments.list", input: listActivitySchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => listActivity(db, user, input, { clientAddress, authorized: object }),
);
