import { defineRoute } from "@/lib/gate/define-route";
import { createSite, createSiteSchema } from "@/lib/sites/create-site";
import { listSitesPage, listSitesPageSchema } from "@/lib/sites/list-sites";

/** The organisation's sites (any signed-in user): `{ items: [{ id, name, archived, userIds, … }], nextCursor }`. */
export const GET = defineRoute({ name: "sites.list", input: listSitesPageSchema }, ({ db, user, input }) => listSitesPage(db, user, input));

/** Creates a site (Admin): `{ name, timeZone?, userIds? }`; 422 with `fields.name` when the name is taken. */
export const POST = defineRoute(
  { name: "sites.create", input: createSiteSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createSite(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
