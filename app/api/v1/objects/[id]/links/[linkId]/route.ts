import { defineRoute } from "@/lib/gate/define-route";
import { linkSourceTarget } from "@/lib/links/link-source-target";
import { removeObjectLink, removeObjectLinkSchema } from "@/lib/links/remove-object-link";
import { updateLinkQuantity, updateLinkQuantitySchema } from "@/lib/links/update-link-quantity";

// The gate decides link access on the link's source, whichever end the path names; the service checks that the
// target is visible too (a link never listed is not found).

/** Changes a product part's or BOM line's quantity: `{ version, quantity }`; 409 when the version is stale. */
export const PATCH = defineRoute(
  { name: "links.update", input: updateLinkQuantitySchema, object: { id: linkSourceTarget, action: "link" } },
  ({ db, user, input, clientAddress }) => updateLinkQuantity(db, user, input, { clientAddress }),
);

/** Removes the link; `?version=` refuses a removal made on a stale view. */
export const DELETE = defineRoute(
  { name: "links.delete", input: removeObjectLinkSchema, object: { id: linkSourceTarget, action: "link" } },
  ({ db, user, input, clientAddress }) => removeObjectLink(db, user, input, { clientAddress }),
);
