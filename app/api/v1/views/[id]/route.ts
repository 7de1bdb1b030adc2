import { z } from "zod";
import { defineRoute } from "@/lib/gate/define-route";
import { deleteView } from "@/lib/views/delete-view";
import { getView } from "@/lib/views/list-views";
import { updateView } from "@/lib/views/update-view";
import { deleteViewSchema, updateViewSchema, viewIdSchema } from "@/lib/views/view-schemas";

// Another user's personal view does not exist for the caller (404); a shared one exists for everyone, and only
// Admins may change it (403).

/** One view: shared, or the caller's own. */
export const GET = defineRoute({ name: "views.list", input: z.strictObject({ id: viewIdSchema }) }, ({ db, user, input }) => getView(db, user, input));

/** Edits a view: `{ version, name?, shared?, columns?, filters?, sort? }`; 409 when stale. */
export const PATCH = defineRoute({ name: "views.update", input: updateViewSchema }, ({ db, user, input, clientAddress }) =>
  updateView(db, user, input, { clientAddress }),
);

/** Deletes a view; `?version=` refuses a delete made on a stale read. */
export const DELETE = defineRoute({ name: "views.delete", input: deleteViewSchema }, ({ db, user, input, clientAddress }) =>
  deleteView(db, user, input, { clientAddress }),
);
