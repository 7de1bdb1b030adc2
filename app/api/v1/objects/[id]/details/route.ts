import { defineRoute } from "@/lib/gate/define-route";
import { getObjectDetailsSchema, updateObjectDetailsSchema } from "@/lib/object-details/details-schemas";
import { getObjectDetails } from "@/lib/object-details/get-object-details";
import { listObjectReferences } from "@/lib/object-details/list-object-references";
import { updateObjectDetails } from "@/lib/object-details/update-object-details";
import { ok } from "@/lib/result";

/**
 * The object's type-specific details, and what names it through relation properties (`referencedBy`: objects the
 * caller can view, and users).
 */
export const GET = defineRoute(
  { name: "objects.read", input: getObjectDetailsSchema, object: { id: (input) => input.id, action: "view" } },
  async ({ db, user, input, clientAddress, object }) => {
    const context = { clientAddress, authorized: object };
    const [details, referencedBy] = await Promise.all([getObjectDetails(db, user, input, context), listObjectReferences(db, user, input, context)]);
    if (!details.ok) return details;
    if (!referencedBy.ok) return referencedBy;
    return ok({ ...details.data, referencedBy: referencedBy.data });
  },
);

/** Edits the details of the object's type: `{ version, ...fields }`; a field of another type is 422, a stale version 409. */
export const PATCH = defineRoute(
  { name: "objects.update_details", input: updateObjectDetailsSchema, object: { id: (input) => input.id, action: "edit" } },
  ({ db, user, input, clientAddress }) => updateObjectDetails(db, user, input, { clientAddress }),
);
