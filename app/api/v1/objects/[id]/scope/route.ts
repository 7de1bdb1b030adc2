import { defineRoute } from "@/lib/gate/define-route";
import { changeObjectScope, changeObjectScopeSchema } from "@/lib/objects/change-object-scope";

/** Changes the sharing scope: `{ kind: "owner" | "sites" | "organization", siteIds?, version? }`. */
export const PUT = defineRoute(
  { name: "objects.change_scope", input: changeObjectScopeSchema, object: { id: (input) => input.id, action: "change_scope" } },
  ({ db, user, input, clientAddress }) => changeObjectScope(db, user, input, { clientAddress }),
);
