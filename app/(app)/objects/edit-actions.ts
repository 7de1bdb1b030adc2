"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction, defineFormAction } from "@/lib/gate/define-action";
import { findRelationChoices, findRelationChoicesSchema } from "@/lib/objects/find-relation-choices";
import { objectListPaths, objectPath } from "@/lib/objects/object-paths";
import { saveObjectEdit } from "@/lib/objects/save-object-edit";

// The form posts flat strings, one per input name; lib/objects/save-object-edit.ts reads the fields it takes.
const formValuesSchema = z.record(z.string(), z.string());

/**
 * The object page's edit form: title and custom properties at the version the page showed. A change that alters who
 * can access the object answers the warning to confirm first; a stale version is refused (the form offers to reload).
 */
export const saveObjectEditAction = defineFormAction(
  { name: "objects.update", input: formValuesSchema, object: { id: (input) => input.id ?? null, action: "edit" } },
  async ({ db, user, input, clientAddress, object }) => {
    const result = await saveObjectEdit(db, user, input, { clientAddress, authorized: object });
    if (result.ok && result.data.status === "saved") {
      const { type, id } = result.data.saved;
      revalidatePath(objectListPaths[type]);
      revalidatePath(objectPath(type, id), "layout");
    }
    return result;
  },
);

/** A relation input's search beyond its capped list (the create and edit forms: Manager+). */
export const findRelationChoicesAction = defineAction(
  { name: "objects.search", input: findRelationChoicesSchema, capability: "edit_objects" },
  ({ db, user, input }) => findRelationChoices(db, user, input),
);
