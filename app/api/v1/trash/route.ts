import { defineRoute } from "@/lib/gate/define-route";
import { listTrash, listTrashSchema } from "@/lib/trash/list-trash";

/** The caller's trash (Manager+): objects deleted in the last 30 days they have Full access to, newest first. */
export const GET = defineRoute({ name: "trash.list", input: listTrashSchema, capability: "edit_objects" }, ({ db, user, input }) =>
  listTrash(db, user, input),
);
