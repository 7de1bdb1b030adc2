import { defineRoute } from "@/lib/gate/define-route";
import { updateSite, updateSiteSchema } from "@/lib/sites/update-site";

/**
 * Changes a site (Admin): `{ name?, timeZone?, archived?, userIds? (the whole membership), version? }`. 404 for an
 * unknown site, 409 when `version` is stale, 422 for a taken name or users an archived site cannot take.
 */
export const PATCH = defineRoute({ name: "sites.update", input: updateSiteSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  updateSite(db, user, input, { clientAddress }),
);
