import { z } from "zod";

/** Ids are opaque strings (API.md): one that is not a UUID names no team, so it is answered like an unknown one. */
export const teamIdSchema = z.string("Say which team.").max(100, "This is not a team id.");

export const teamNameSchema = z
  .string("Give the team a name.")
  .trim()
  .min(1, "Give the team a name.")
  .max(100, "Keep the name to 100 characters.");
