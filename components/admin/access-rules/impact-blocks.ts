import type { AccessLevel } from "@/db/schema";
import type { ImpactFigures, LevelImpact } from "@/lib/access-rules/rule-impact";

/** Levels a change gives (or takes) to the same users on the same objects, told once. */
export interface ImpactBlock {
  /** Lowest first. */
  levels: AccessLevel[];
  /** The highest level's: the same users and objects as the others, and the most its users' roles stop short of. */
  figures: ImpactFigures;
}

/**
 * The levels that change in one direction, merged where they concern the same users and objects. Equal counts are
 * enough to tell: only the changed rule differs, so whoever gains a level on an object through it also gains every
 * higher level it grants there (fewer other rules granted the higher level before) — the users and objects of a
 * level are among those of the levels above it, and sets of equal size inside one another are the same.
 */
export function impactBlocks(levels: readonly LevelImpact[], direction: "gained" | "lost"): ImpactBlock[] {
  const blocks: ImpactBlock[] = [];
  for (const entry of levels) {
    const figures = entry[direction];
    if (figures.users === 0) continue;
    const same = blocks.find((block) => block.figures.users === figures.users && block.figures.objects === figures.objects);
    if (same) {
      same.levels.push(entry.level);
      same.figures = figures;
    } else {
      blocks.push({ levels: [entry.level], figures });
    }
  }
  return blocks;
}
