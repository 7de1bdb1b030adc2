import { defineRoute } from "@/lib/gate/define-route";
import { compareRevisions, compareRevisionsSchema } from "@/lib/documents/compare-revisions";

/** What changed between two revisions `?from=A&to=B` (ids or labels): files and properties. */
export const GET = defineRoute(
  { name: "revisions.compare", input: compareRevisionsSchema, object: { id: (input) => input.id, action: "view" } },
  ({ db, user, input, clientAddress, object }) => compareRevisions(db, user, input, { clientAddress, authorized: object }),
);
