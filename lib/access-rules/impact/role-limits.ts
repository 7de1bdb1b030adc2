import type { AccessLevel, Role } from "@/db/schema";
import { levelRank } from "@/lib/authz/levels";
import { roleStopsBelow, type CeilingBelowFull } from "@/lib/authz/role-ceilings";

/** Users whose role stops below a level, all at the same one. */
export interface RoleLimit {
  /** The highest level their role may use. */
  level: CeilingBelowFull;
  users: number;
}

/**
 * Of the users who gain or lose `level`, those whose role cannot use it (a Viewer who gains Modify still only views),
 * counted by the level their role stops at, lowest first. One look per user, none per object.
 */
export function roleLimits(users: Iterable<{ role: Role }>, level: AccessLevel): RoleLimit[] {
  const counts = new Map<CeilingBelowFull, number>();
  for (const user of users) {
    const stop = roleStopsBelow(user.role, level);
    if (stop) counts.set(stop, (counts.get(stop) ?? 0) + 1);
  }
  return [...counts].map(([stop, count]) => ({ level: stop, users: count })).sort((a, b) => levelRank(a.level) - levelRank(b.level));
}
