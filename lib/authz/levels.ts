import { accessLevels, type AccessLevel } from "@/db/schema";

/** An effective level: one of the four, or none. */
export type EffectiveLevel = AccessLevel | "none";

const rank: Record<EffectiveLevel, number> = { none: 0, view_no_download: 1, view: 2, modify: 3, full: 4 };

export function levelRank(level: EffectiveLevel): number {
  return rank[level];
}

export function reaches(level: EffectiveLevel, required: AccessLevel): boolean {
  return rank[level] >= rank[required];
}

/** The levels at or above `minimum`, weakest first. */
export function levelsFrom(minimum: AccessLevel): AccessLevel[] {
  return accessLevels.filter((level) => rank[level] >= rank[minimum]);
}

export function strongest(a: EffectiveLevel, b: EffectiveLevel): EffectiveLevel {
  return rank[a] >= rank[b] ? a : b;
}
