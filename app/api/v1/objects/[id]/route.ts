import { defineRoute } from "@/lib/gate/define-route";
import { getObject, getObjectSchema } from "@/lib/objects/get-object";
import { trashObject, trashObjectSchema } from "@/lib/objects/trash-object";
import { updateObjectProperties, updateObjectSchema } from "@/lib/objects/update-object-properties";

// The gate decides the object first: 404 for one the caller cannot view, 403 for a visible one and a disallowed
// action. A read reuses that decision (one per request); writes decide again inside their transaction, with the
// visibility predicate in the write's WHERE (docs/authorization.md, "One decision per request").

/** The object, with the caller's level and allowed actions. */
export const GET = defineRoute(
  { name: "objects.read", input: getObjectSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => getObject(db, user, input, { clientAddress, authorized: object }),
);

/** Edits the title and property values: `{ version, title?, properties? }`; 409 when the version is stale. */
export const PATCH = defineRoute(
  { name: "objects.update", input: updateObjectSchema, object: { id: (input) => input.id, action: "edit" } },
  ({ db, user, input, clientAddress }) => updateObjectProperties(db, user, input, { clientAddress }),
);

/** Moves the object to the trash (Full access); `?version=` refuses a delete made on a stale view. */
export const DELETE = defineRoute(
  { name: "objects.delete", input: trashObjectSchema, object: { id: (input) => input.id, action: "delete" } },
  ({ db, user, input, clientAddress }) => trashObject(db, user, input, { clientAddress }),
);
