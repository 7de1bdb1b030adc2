import { and, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import type { Executor } from "@/db/client";
import { accessLevels, objects, organizations, users, type AccessLevel } from "@/db/schema";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import { loadAuthzContext } from "@/lib/authz/authz-context";
import { levelRank } from "@/lib/authz/levels";
import { planRules } from "@/lib/authz/plan";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { roleCeilings } from "@/lib/authz/role-ceilings";
import { loadAccessSubject } from "@/lib/authz/subject";

/*
 * The brute-force reference the impact preview is checked against. Definitions (they are the preview's documented
 * semantics, lib/access-rules/rule-impact.ts):
 *
 * - visible_L(U) — for a user U and a level L: the objects the app's SQL predicate (`visibleObjectsFilter`, planned
 *   from the organisation's enabled rules with no cache) lists for U at minimum level L: live objects of the
 *   organisation, in U's scope, on which a rule of level ≥ L grants U. Deactivated users plan no rule: their set is
 *   always empty, so they never gain or lose anything.
 * - the objects counted: with a previewing Admin A, visible_view_no_download(A) before the change — the objects A can
 *   view now (SPEC §3: Admins are not exempt); without one, every object.
 * - U gains L ⇔ some counted object O is in visible_L(U) after the change and not before it. U loses L ⇔ the reverse.
 * - O is an object on which someone gains L ⇔ O is counted and some user U gains L on O (O in visible_L(U) after and
 *   not before); likewise for losing.
 *
 * The preview's figures must then be: `users` = how many users gain (lose) L, `objects` = how many objects someone
 * gains (loses) L on; `sampleUsers` = the first five of those users by name (then id), with their role;
 * `sampleObjects` = up to five of those objects, distinct (as many as there are, up to five); `roleLimits` = those
 * users whose role stops below L (lib/authz/role-ceilings.ts), counted by the level it stops at, lowest first.
 */

/** For each level, each user's visible objects at that level. */
export type AccessByLevel = Map<AccessLevel, Map<string, Set<string>>>;

/** Every user's visible objects at every level, through the app's SQL predicate, planned afresh (no cache). */
export async function accessByLevel(db: Executor, organizationId: string): Promise<AccessByLevel> {
  const [organization] = await db.select({ version: organizations.authzVersion }).from(organizations).where(eq(organizations.id, organizationId));
  const context = await loadAuthzContext(db, organizationId, organization?.version ?? 0);
  const userRows = await db.select({ id: users.id }).from(users).where(eq(users.organizationId, organizationId));
  const result: AccessByLevel = new Map(accessLevels.map((level) => [level, new Map()]));
  for (const { id } of userRows) {
    const subject = await loadAccessSubject(db, organizationId, id);
    if (!subject) throw new Error(`user ${id} vanished`);
    const plan = planRules(subject, context);
    for (const level of accessLevels) {
      const filter = visibleObjectsFilter(plan, subject, { organizationId, minLevel: level });
      const ids = filter.never ? [] : (await db.select({ id: objects.id }).from(objects).where(filter.where)).map((row) => row.id);
      result.get(level)!.set(id, new Set(ids));
    }
  }
  return result;
}

export interface ExpectedFigures {
  users: Set<string>;
  objects: Set<string>;
}

export interface ExpectedLevel {
  gained: ExpectedFigures;
  lost: ExpectedFigures;
}

function difference(from: AccessByLevel, to: AccessByLevel, level: AccessLevel, counted: ReadonlySet<string> | null): ExpectedFigures {
  const figures: ExpectedFigures = { users: new Set(), objects: new Set() };
  for (const [userId, reached] of to.get(level)!) {
    const before = from.get(level)!.get(userId) ?? new Set<string>();
    for (const objectId of reached) {
      if (before.has(objectId) || (counted && !counted.has(objectId))) continue;
      figures.users.add(userId);
      figures.objects.add(objectId);
    }
  }
  return figures;
}

/**
 * Per level, who gains and loses it and on which objects: the set differences of the predicate after and before,
 * among the objects the previewing Admin can view now (`viewerId`), or among all objects when there is none.
 */
export function expectedImpact(before: AccessByLevel, after: AccessByLevel, viewerId: string | null): Map<AccessLevel, ExpectedLevel> {
  const counted = viewerId === null ? null : (before.get("view_no_download")!.get(viewerId) ?? new Set<string>());
  return new Map(
    accessLevels.map((level) => [level, { gained: difference(before, after, level, counted), lost: difference(after, before, level, counted) }]),
  );
}

/** Asserts the preview equals the brute-force difference, figure by figure, samples included. */
export async function expectPreviewToMatch(
  db: Executor,
  organizationId: string,
  preview: RulePreview,
  expected: Map<AccessLevel, ExpectedLevel>,
): Promise<void> {
  expect(preview.levels.map((entry) => entry.level)).toEqual([...accessLevels]);
  const actual = preview.levels.map(({ level, gained, lost }) => ({
    level,
    gained: { users: gained.users, objects: gained.objects },
    lost: { users: lost.users, objects: lost.objects },
  }));
  const wanted = accessLevels.map((level) => {
    const { gained, lost } = expected.get(level)!;
    return { level, gained: { users: gained.users.size, objects: gained.objects.size }, lost: { users: lost.users.size, objects: lost.objects.size } };
  });
  expect(actual).toEqual(wanted);

  const userIds = [...new Set(preview.levels.flatMap(({ gained, lost }) => [...gained.sampleUsers, ...lost.sampleUsers].map((user) => user.id)))];
  const objectIds = [...new Set(preview.levels.flatMap(({ gained, lost }) => [...gained.sampleObjects, ...lost.sampleObjects].map((object) => object.id)))];
  const expectedUsers = [...new Set([...expected.values()].flatMap(({ gained, lost }) => [...gained.users, ...lost.users]))];
  const userRows = expectedUsers.length
    ? await db
        .select({ id: users.id, name: users.name, role: users.role })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), inArray(users.id, expectedUsers)))
    : [];
  const userById = new Map(userRows.map((row) => [row.id, row]));
  const objectRows = objectIds.length
    ? await db
        .select({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title })
        .from(objects)
        .where(and(eq(objects.organizationId, organizationId), inArray(objects.id, objectIds)))
    : [];
  const objectById = new Map(objectRows.map((row) => [row.id, row]));
  expect(userIds.every((id) => userById.has(id))).toBe(true);

  for (const { level, gained, lost } of preview.levels) {
    for (const [direction, figures] of [
      ["gained", gained],
      ["lost", lost],
    ] as const) {
      const wantedSet = expected.get(level)![direction];
      const people = [...wantedSet.users].map((id) => userById.get(id)!);
      const firstByName = [...people].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).slice(0, 5);
      expect(figures.sampleUsers, `${level} ${direction}: sample users`).toEqual(firstByName);
      const stoppedAt = people.map((user) => roleCeilings[user.role]).filter((ceiling) => levelRank(ceiling) < levelRank(level));
      const limits = accessLevels.map((ceiling) => ({ level: ceiling, users: stoppedAt.filter((stop) => stop === ceiling).length })).filter((limit) => limit.users > 0);
      expect(figures.roleLimits, `${level} ${direction}: role limits`).toEqual(limits);

      const sampled = figures.sampleObjects.map((object) => object.id);
      expect(new Set(sampled).size, `${level} ${direction}: distinct sample objects`).toBe(sampled.length);
      for (const object of figures.sampleObjects) {
        expect(wantedSet.objects.has(object.id), `${level} ${direction}: sample object ${object.reference} is one of the objects`).toBe(true);
        expect(object).toEqual(objectById.get(object.id));
      }
      expect(sampled.length, `${level} ${direction}: sample size`).toBe(Math.min(5, wantedSet.objects.size));
    }
  }
}
