import { defineRoute } from "@/lib/gate/define-route";
import { getUser, getUserSchema } from "@/lib/users/get-user";
import { updateUser, updateUserSchema } from "@/lib/users/update-user";

/** One user of the caller's organisation; 404 for any other id. */
export const GET = defineRoute({ name: "users.read", input: getUserSchema }, ({ db, user, input }) => getUser(db, user, input));

/** Edits an account (Admin): `{ version, name?, role?, siteIds?, primarySiteId?, properties? }`; 409 when the version is stale. */
export const PATCH = defineRoute({ name: "users.update", input: updateUserSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  updateUser(db, user, input, { clientAddress }),
);
