"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/gate/define-action";
import { objectListPaths } from "@/lib/objects/object-paths";
import { restoreObject, restoreObjectSchema } from "@/lib/trash/restore-object";

/**
 * Restores an object from the Trash page (the service decides Full access as if live, within 30 days), then shows the
 * trash again saying which object came back.
 */
export const restoreObjectAction = defineFormAction(
  { name: "objects.restore", input: restoreObjectSchema, capability: "edit_objects" },
  async ({ db, user, input, clientAddress }) => {
    const restored = await restoreObject(db, user, input, { clientAddress });
    if (!restored.ok) return restored;
    revalidatePath("/trash");
    revalidatePath(objectListPaths[restored.data.type], "layout");
    redirect(`/trash?restored=${restored.data.id}`);
  },
);
