import { defineRoute } from "@/lib/gate/define-route";
import { createUser, createUserSchema } from "@/lib/users/create-user";
import { listUsers, listUsersSchema } from "@/lib/users/list-users";
import { ok } from "@/lib/result";

/** The organisation's users in name order, `?q=` searching name and e-mail: `{ items, nextCursor }`. */
export const GET = defineRoute({ name: "users.list", input: listUsersSchema }, async ({ db, user, input }) => {
  const page = await listUsers(db, user, input);
  return page.ok ? ok({ items: page.data.items, nextCursor: page.data.nextCursor }) : page;
});

/** Creates an account (Admin): `{ email, name, role, signInMethod, password?, siteIds, primarySiteId?, properties }` → 201. */
export const POST = defineRoute(
  { name: "users.create", input: createUserSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createUser(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
