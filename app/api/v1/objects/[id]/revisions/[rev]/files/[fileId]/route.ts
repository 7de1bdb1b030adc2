import { defineRoute } from "@/lib/gate/define-route";
import { removeDraftFile, removeDraftFileSchema } from "@/lib/documents/remove-draft-file";

/** Removes a file from a draft `?version=` (the draft's); answers the draft as it is now. */
export const DELETE = defineRoute(
  { name: "files.delete", input: removeDraftFileSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  ({ db, user, input, clientAddress }) => removeDraftFile(db, user, input, { clientAddress }),
);
