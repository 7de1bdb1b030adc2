import { describe, expect, it } from "vitest";
import { accessLevels, type AccessLevel } from "@/db/schema";
import type { ImpactFigures, LevelImpact } from "@/lib/access-rules/rule-impact";
import { impactBlocks } from "@/components/admin/access-rules/impact-blocks";

const none: ImpactFigures = { users: 0, objects: 0, sampleUsers: [], sampleObjects: [], roleLimits: [] };
const figures = (users: number, objects: number, roleLimits: ImpactFigures["roleLimits"] = []): ImpactFigures => ({ ...none, users, objects, roleLimits });
const levels = (gained: Partial<Record<AccessLevel, ImpactFigures>>): LevelImpact[] =>
  accessLevels.map((level) => ({ level, gained: gained[level] ?? none, lost: none }));

describe("the impact preview's entries", () => {
  it("tell levels with the same users and objects once, with the highest level's figures", () => {
    const capped = figures(4, 10, [{ level: "view", users: 2 }]);
    const blocks = impactBlocks(levels({ view_no_download: figures(4, 10), view: figures(4, 10), modify: figures(4, 10, [{ level: "view", users: 2 }]), full: capped }), "gained");
    expect(blocks).toEqual([{ levels: ["view_no_download", "view", "modify", "full"], figures: capped }]);
  });

  it("keep levels that concern other users or objects apart, and leave out those nobody gains", () => {
    const blocks = impactBlocks(levels({ view: figures(2, 3), modify: figures(5, 3), full: figures(5, 3) }), "gained");
    expect(blocks.map((block) => block.levels)).toEqual([["view"], ["modify", "full"]]);
    expect(impactBlocks(levels({ view: figures(2, 3) }), "lost")).toEqual([]);
  });
});
