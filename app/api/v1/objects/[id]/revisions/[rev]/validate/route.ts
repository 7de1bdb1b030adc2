import { defineRoute } from "@/lib/gate/define-route";
import { validateRevisionRequest, validateRevisionRequestSchema } from "@/lib/documents/validate-revision-request";

/** Validates a draft `{ version }` (Full access, Manager+): the previous validated revision becomes obsolete. */
export const POST = defineRoute(
  { name: "revisions.validate", input: validateRevisionRequestSchema, object: { id: (input) => input.id, action: "validate_revision" } },
  ({ db, user, input, clientAddress }) => validateRevisionRequest(db, user, input, { clientAddress }),
);
