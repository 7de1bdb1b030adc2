"use server";

import { revalidatePath } from "next/cache";
import { openNextDraft, openNextDraftSchema } from "@/lib/documents/open-next-draft";
import { removeDraftFile, removeDraftFileSchema } from "@/lib/documents/remove-draft-file";
import { updateDraft, updateDraftSchema } from "@/lib/documents/update-draft";
import { validateRevisionRequest, validateRevisionRequestSchema } from "@/lib/documents/validate-revision-request";
import { defineFormAction } from "@/lib/gate/define-action";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";

// The document page's revision controls; uploads go through the streaming route (…/revisions/{rev}/files).

const refreshDocuments = () => revalidatePath("/documents", "layout");

export const openNextDraftAction = defineFormAction(
  { name: "revisions.create", input: withoutEmptyParameters(openNextDraftSchema), object: { id: (input) => input.id, action: "upload_revision" } },
  async ({ db, user, input, clientAddress }) => {
    const opened = await openNextDraft(db, user, input, { clientAddress });
    if (opened.ok) refreshDocuments();
    return opened;
  },
);

export const updateDraftNoteAction = defineFormAction(
  { name: "revisions.update", input: updateDraftSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  async ({ db, user, input, clientAddress }) => {
    const updated = await updateDraft(db, user, input, { clientAddress });
    if (updated.ok) refreshDocuments();
    return updated;
  },
);

export const validateRevisionAction = defineFormAction(
  { name: "revisions.validate", input: validateRevisionRequestSchema, object: { id: (input) => input.id, action: "validate_revision" } },
  async ({ db, user, input, clientAddress }) => {
    const validated = await validateRevisionRequest(db, user, input, { clientAddress });
    if (validated.ok) refreshDocuments();
    return validated;
  },
);

export const removeDraftFileAction = defineFormAction(
  { name: "files.delete", input: removeDraftFileSchema, object: { id: (input) => input.id, action: "upload_revision" } },
  async ({ db, user, input, clientAddress }) => {
    const removed = await removeDraftFile(db, user, input, { clientAddress });
    if (removed.ok) refreshDocuments();
    return removed;
  },
);
