"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { objectListPaths, objectPath } from "@/lib/objects/object-paths";
import { saveObjectScope } from "@/lib/objects/save-object-scope";

// The Share menu and the scope form post flat strings; lib/objects/save-object-scope.ts reads the fields it takes.
const formValuesSchema = z.record(z.string(), z.string());

/**
 * Changes an object's scope (Share menu, Share tab): a change that alters who can access the object answers the
 * warning to confirm first; one that would remove the caller's own access is refused by the service.
 */
export const changeObjectScopeAction = defineFormAction(
  { name: "objects.change_scope", input: formValuesSchema, object: { id: (input) => input.id ?? null, action: "change_scope" } },
  async ({ db, user, input, clientAddress, object }) => {
    const result = await saveObjectScope(db, user, input, { clientAddress, authorized: object });
    if (result.ok && result.data.status === "saved") {
      const { type, id } = result.data.saved;
      revalidatePath(objectListPaths[type]);
      revalidatePath(objectPath(type, id), "layout");
    }
    return result;
  },
);
