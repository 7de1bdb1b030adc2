"use server";

import { defineAction } from "@/lib/gate/define-action";
import { findRelationChoices, findRelationChoicesSchema } from "@/lib/objects/find-relation-choices";

/** A relation input's search beyond its capped list (the create and edit forms: Manager+). */
export const findRelationChoicesAction = defineAction(
  { name: "objects.search", input: findRelationChoicesSchema, capability: "edit_objects" },
  ({ db, user, input }) => findRelationChoices(db, user, input),
);
