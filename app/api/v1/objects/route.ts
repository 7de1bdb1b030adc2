import { defineRoute } from "@/lib/gate/define-route";
import { renderMessage } from "@/lib/i18n/render-error";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { createObject, createObjectSchema } from "@/lib/objects/create-object";
import { listVisibleObjects, listVisibleObjectsSchema } from "@/lib/objects/list-visible-objects";
import { ok } from "@/lib/result";

/** The objects the caller may see, newest first: `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "objects.list", input: listVisibleObjectsSchema }, ({ db, user, input }) =>
  listVisibleObjects(db, user, input),
);

/**
 * Creates an object (Manager+). 201 with the object; or, when no access rule lets the creator see it, 201 with
 * `{ visible: false, message }` (in the caller's language) and nothing that identifies it (docs/decisions.md, "Objects").
 */
export const POST = defineRoute(
  { name: "objects.create", input: createObjectSchema, capability: "edit_objects" },
  async ({ db, user, input, clientAddress, request }) => {
    const created = await createObject(db, user, input, { clientAddress });
    if (!created.ok) return created;
    const { data } = created;
    return ok(data.visible ? data.object : { visible: false, message: renderMessage(localeOfRequest(request.headers, user.locale), data.message) });
  },
  { successStatus: 201 },
);
