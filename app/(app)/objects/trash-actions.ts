"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { objectListPaths } from "@/lib/objects/object-paths";
import { trashObject } from "@/lib/objects/trash-object";
import { objectIdSchema, objectVersionSchema } from "@/lib/objects/object-schemas";
import { objectTypes } from "@/db/schema/enums";

/** Moves the object to the trash (Full access; decided again inside the write), then goes back to its list. */
export const trashObjectAction = defineFormAction(
  {
    name: "objects.delete",
    input: z.object({ id: objectIdSchema, version: objectVersionSchema, type: z.enum(objectTypes, "objects.fields.typeInvalid") }),
    object: { id: (input) => input.id, action: "delete" },
  },
  async ({ db, user, input, clientAddress }) => {
    const trashed = await trashObject(db, user, { id: input.id, version: input.version }, { clientAddress });
    if (!trashed.ok) return trashed;
    redirect(`${objectListPaths[input.type]}?trashed=1`);
  },
);
