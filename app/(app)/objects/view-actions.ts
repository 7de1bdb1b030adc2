"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { objectTypes } from "@/db/schema/enums";
import { objectListQueryOf } from "@/lib/objects/object-list-url";
import { defineFormAction } from "@/lib/gate/define-action";
import { listQueryToView, personalViewColumns } from "@/lib/objects/list-query-to-view";
import { objectListPaths } from "@/lib/objects/object-paths";
import { createView } from "@/lib/views/create-view";

/** Saves the list as it is filtered now as a personal view of its user, then opens the list through it. */
export const savePersonalViewAction = defineFormAction(
  {
    name: "views.create",
    input: z.object({
      name: z.string(),
      objectType: z.enum(objectTypes, "objects.fields.typeInvalid"),
      params: z.string().max(4000, "workspace.views.paramsTooLong"),
    }),
  },
  async ({ db, user, input, clientAddress }) => {
    const query = objectListQueryOf(Object.fromEntries(new URLSearchParams(input.params)), 1);
    const { filters, sort } = listQueryToView(query, user.id);
    const created = await createView(
      db,
      user,
      { name: input.name, objectType: input.objectType, shared: false, columns: personalViewColumns, filters, sort },
      { clientAddress },
    );
    if (!created.ok) return created;
    redirect(`${objectListPaths[input.objectType]}?view=${created.data.id}`);
  },
);
