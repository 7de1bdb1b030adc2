import { defineRoute } from "@/lib/gate/define-route";
import { createTeam, createTeamSchema } from "@/lib/teams/create-team";
import { listTeamsPage, listTeamsPageSchema } from "@/lib/teams/list-teams";

/** The organisation's teams (any signed-in user): `{ items: [{ id, name, userIds, version }], nextCursor }`. */
export const GET = defineRoute({ name: "teams.list", input: listTeamsPageSchema }, ({ db, user, input }) => listTeamsPage(db, user, input));

/** Creates a team (Admin): `{ name, userIds? }`; 422 with `fields.name` when the name is taken. */
export const POST = defineRoute(
  { name: "teams.create", input: createTeamSchema, capability: "administer" },
  ({ db, user, input, clientAddress }) => createTeam(db, user, input, { clientAddress }),
  { successStatus: 201 },
);
