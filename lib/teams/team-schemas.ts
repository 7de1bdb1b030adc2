import { z } from "zod";

/** Ids are opaque strings (API.md): one that is not a UUID names no team, so it is answered like an unknown one. */
export const teamIdSchema = z.string("adminTeams.errors.teamIdRequired").max(100, "adminTeams.errors.teamIdInvalid");

export const teamNameSchema = z
  .string("adminTeams.errors.nameRequired")
  .trim()
  .min(1, "adminTeams.errors.nameRequired")
  .max(100, "admin.errors.nameTooLong");
