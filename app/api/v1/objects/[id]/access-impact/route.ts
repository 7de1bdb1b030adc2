import { defineRoute } from "@/lib/gate/define-route";
import { previewObjectAccessChange, previewObjectAccessChangeSchema } from "@/lib/objects/preview-object-access-change";

/**
 * Before an edit or a scope change: `{ properties?, scope? }` → how many active users would gain or lose each level on
 * the object. Properties need the edit action, a scope change_scope (both Modify, Manager+). Nothing is saved.
 */
export const POST = defineRoute(
  { name: "objects.access_impact", input: previewObjectAccessChangeSchema, object: { id: (input) => input.id, action: "edit" } },
  ({ db, user, input, clientAddress, object }) => previewObjectAccessChange(db, user, input, { clientAddress, authorized: object }),
);
