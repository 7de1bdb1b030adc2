"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineFormAction } from "@/lib/gate/define-action";
import { rowVersionSchema } from "@/lib/sites/site-schemas";
import { createTeam } from "@/lib/teams/create-team";
import { deleteTeam } from "@/lib/teams/delete-team";
import { addTeamMember, removeTeamMember, teamMemberSchema } from "@/lib/teams/team-members";
import { teamIdSchema, teamNameSchema } from "@/lib/teams/team-schemas";
import { updateTeam } from "@/lib/teams/update-team";

export const createTeamAction = defineFormAction(
  { name: "teams.create", input: z.object({ name: teamNameSchema }), capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await createTeam(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/teams");
    return result;
  },
);

export const renameTeamAction = defineFormAction(
  { name: "teams.update", input: z.object({ id: teamIdSchema, name: teamNameSchema, version: rowVersionSchema }), capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await updateTeam(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/teams", "layout");
    return result;
  },
);

export const deleteTeamAction = defineFormAction(
  { name: "teams.delete", input: z.object({ id: teamIdSchema, version: rowVersionSchema }), capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await deleteTeam(db, user, input, { clientAddress });
    if (!result.ok) return result;
    revalidatePath("/admin/teams", "layout");
    redirect("/admin/teams");
  },
);

export const addTeamMemberAction = defineFormAction(
  { name: "teams.update", input: teamMemberSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await addTeamMember(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/teams", "layout");
    return result;
  },
);

export const removeTeamMemberAction = defineFormAction(
  { name: "teams.update", input: teamMemberSchema, capability: "administer" },
  async ({ db, user, input, clientAddress }) => {
    const result = await removeTeamMember(db, user, input, { clientAddress });
    if (result.ok) revalidatePath("/admin/teams", "layout");
    return result;
  },
);
