import { defineRoute } from "@/lib/gate/define-route";
import { restoreObject, restoreObjectSchema } from "@/lib/trash/restore-object";

/**
 * Takes an object out of the trash (Manager+, Full access as if it were live, within 30 days): the object, with its
 * new version. The gate checks the role only — a trashed object is visible to nobody — and the service decides the
 * rest; anything outside the caller's trash is 404.
 */
export const POST = defineRoute(
  { name: "objects.restore", input: restoreObjectSchema, capability: "edit_objects" },
  ({ db, user, input, clientAddress }) => restoreObject(db, user, input, { clientAddress }),
);
