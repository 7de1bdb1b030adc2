import { accessLevels, roles, type AccessLevel, type Role } from "@/db/schema";
import { levelRank } from "./levels";
import { objectActionRequirements, objectActions } from "./object-actions";
import { roleAllows } from "./roles";

/** A level some role stops at: never Full access, the top. */
export type CeilingBelowFull = Exclude<AccessLevel, "full">;

function ceilingOf(role: Role): AccessLevel {
  const usable = objectActions.filter((action) => roleAllows(role, objectActionRequirements[action].capability));
  const levels = usable.map((action) => objectActionRequirements[action].level);
  return levels.reduce((highest, level) => (levelRank(level) > levelRank(highest) ? level : highest), accessLevels[0]);
}

/**
 * Per role, the highest level whose actions the role may use (SPEC §2, §4): a higher level lets it do nothing more.
 * A Viewer or a shared computer granted Modify or Full access still only views, downloads and comments.
 */
export const roleCeilings = Object.fromEntries(roles.map((role) => [role, ceilingOf(role)])) as Record<Role, AccessLevel>;

/** The level a role stops at when granted `level`, or null when it may use all that `level` allows. */
export function roleStopsBelow(role: Role, level: AccessLevel): CeilingBelowFull | null {
  const ceiling = roleCeilings[role];
  return ceiling !== "full" && levelRank(ceiling) < levelRank(level) ? ceiling : null;
}
