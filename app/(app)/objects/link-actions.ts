"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, defineFormAction } from "@/lib/gate/define-action";
import { createObjectLink } from "@/lib/links/create-object-link";
import { findVisibleReference } from "@/lib/links/find-visible-reference";
import { linkSourceTarget } from "@/lib/links/link-source-target";
import { linkKindSchema, linkQuantitySchema } from "@/lib/links/link-schemas";
import { removeObjectLink, removeObjectLinkSchema } from "@/lib/links/remove-object-link";
import { updateLinkQuantity, updateLinkQuantitySchema } from "@/lib/links/update-link-quantity";
import { listVisibleObjects } from "@/lib/objects/list-visible-objects";
import { objectListPaths } from "@/lib/objects/object-paths";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok } from "@/lib/result";

// A link shows on the pages of both its ends, whatever their types.
function revalidateObjectPages() {
  for (const path of Object.values(objectListPaths)) revalidatePath(path, "layout");
}

const targetUnknownMessage = "links.fields.targetUnknown";

/** The add-link form names its target by reference (typed, or picked from the suggestions); quantity may be left empty. */
const addLinkFormSchema = withoutEmptyParameters(
  z.strictObject({
    id: objectIdSchema,
    target: z.string(targetUnknownMessage).trim().min(1, targetUnknownMessage).max(200, targetUnknownMessage),
    kind: linkKindSchema,
    quantity: linkQuantitySchema.optional(),
  }),
);

export const addLinkAction = defineFormAction(
  { name: "links.create", input: addLinkFormSchema, object: { id: (input) => input.id, action: "link" } },
  async ({ db, user, input, clientAddress }) => {
    const targetId = await findVisibleReference(db, user, input.target);
    if (!targetId) return fail("invalid", "errors.fieldsNeedAttention", { target: targetUnknownMessage });
    const created = await createObjectLink(db, user, { id: input.id, targetId, kind: input.kind, quantity: input.quantity }, { clientAddress });
    if (created.ok) revalidateObjectPages();
    return created;
  },
);

export const updateLinkQuantityAction = defineFormAction(
  { name: "links.update", input: updateLinkQuantitySchema, object: { id: linkSourceTarget, action: "link" } },
  async ({ db, user, input, clientAddress }) => {
    const updated = await updateLinkQuantity(db, user, input, { clientAddress });
    if (updated.ok) revalidateObjectPages();
    return updated;
  },
);

export const removeLinkAction = defineFormAction(
  { name: "links.delete", input: removeObjectLinkSchema, object: { id: linkSourceTarget, action: "link" } },
  async ({ db, user, input, clientAddress }) => {
    const removed = await removeObjectLink(db, user, input, { clientAddress });
    if (removed.ok) revalidateObjectPages();
    return removed;
  },
);

/** Suggestions for the add-link form: objects the caller can view whose reference or title matches, this one excepted. */
export const searchLinkTargetsAction = defineAction(
  {
    name: "objects.search",
    input: z.strictObject({
      id: objectIdSchema,
      q: z.string("objects.fields.searchInvalid").trim().min(1, "objects.fields.searchInvalid").max(200, "objects.fields.searchTooLong"),
    }),
    capability: "edit_objects",
  },
  async ({ db, user, input }) => {
    const found = await listVisibleObjects(db, user, { q: input.q, limit: 11 });
    if (!found.ok) return found;
    return ok(
      found.data.items
        .filter((item) => item.id !== input.id)
        .slice(0, 10)
        .map(({ id, type, reference, title }) => ({ id, type, reference, title })),
    );
  },
);
