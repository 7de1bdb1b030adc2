import { defineRoute } from "@/lib/gate/define-route";
import { deleteTeam, deleteTeamSchema } from "@/lib/teams/delete-team";
import { updateTeam, updateTeamSchema } from "@/lib/teams/update-team";

/** Renames a team or replaces its members (Admin): `{ name?, userIds?, version? }`; 409 when `version` is stale. */
export const PATCH = defineRoute({ name: "teams.update", input: updateTeamSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  updateTeam(db, user, input, { clientAddress }),
);

/** Deletes a team (Admin; `?version=` refuses a stale confirmation); 409 naming the access rules that still use it. */
export const DELETE = defineRoute({ name: "teams.delete", input: deleteTeamSchema, capability: "administer" }, ({ db, user, input, clientAddress }) =>
  deleteTeam(db, user, input, { clientAddress }),
);
