import { defineRoute } from "@/lib/gate/define-route";
import { createObject, createObjectSchema } from "@/lib/objects/create-object";
import { listVisibleObjects, listVisibleObjectsSchema } from "@/lib/objects/list-visible-objects";
import { ok } from "@/lib/result";

/** The objects the caller may see, newest first: `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "objects.list", input: listVisibleObjectsSchema }, ({ db, user, input }) =>
  listVisibleObjects(db, user, input),
);

/**
 * Creates an object (Manager+). 201 with the object; or, when no access rule lets the creator see it, 201 with
 * `{ visible: false, message }` and nothing that identifies it (docs/decisions.md, "Objects").
 */
export const POST = defineRoute(
  { name: "objects.create", input: createObjectSchema, capability: "edit_objects" },
  async ({ db, user, input, clientAddress }) => {
    const created = await createObject(db, user, input, { clientAddress });
    if (!created.ok) return created;
    return ok(created.data.visible ? created.data.object : { visible: false, message: created.data.message });
  },
  { successStatus: 201 },
);
