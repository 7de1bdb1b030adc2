// Issue 6: "the rule impact preview answers in ≤ 2 s on the 1M-object benchmark data (measured in the benchmark)".
// Times the real preview service as the app calls it, `previewRuleChange(db, organizationId, change, { actor })`
// (lib/access-rules, the function behind POST /api/v1/access-rules/preview) with the broad Admin previewing, on three
// representative drafts, prints what each one reports, and — at the smoke scale, or with --verify-preview — checks
// the reported counts against a brute-force computation: every active user × every object the Admin can view (SPEC
// §3: Admins are not exempt), decided before and after the change with the decision's own planRules/effectiveLevel.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accessLevels, accessRules, propertyDefinitions, sites, userSites, type AccessLevel, type PropertyTarget } from "@/db/schema";
import type { RulePreview } from "@/lib/access-rules/preview-rule-change";
import type { RuleChangeInput } from "@/lib/access-rules/rule-schemas";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { AuthzContext, RuleFacts } from "@/lib/authz/authz-context";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import type { RuleSubject } from "@/lib/authz/plan";
import type { BenchMarker } from "./seed";
import type { Percentiles } from "./stats";

export interface ImpactPreviewContext {
  db: Database;
  marker: BenchMarker;
  /** The Admin previewing: the figures cover the objects they can view. */
  viewer: ActingUser;
  /** Timed calls per draft (after `warmup` untimed ones). */
  iterations: number;
  warmup: number;
  time: (run: (iteration: number) => Promise<unknown>, iterations: number, warmup: number) => Promise<Percentiles>;
  /** Check the counts against the brute force (users × objects in memory: only for small scales). */
  verify: boolean;
  log: (line?: string) => void;
}

/** The target of issue 6, in milliseconds (p95). */
export const impactPreviewTargetMs = 2_000;

type Direction = "gained" | "lost";

interface Draft {
  label: string;
  change: RuleChangeInput;
  /** What the preview must report as non-empty (users and objects) for the draft to look sane. */
  expect: { direction: Direction; level: AccessLevel }[];
}

export interface PreviewMeasurement {
  label: string;
  result: Percentiles;
  preview: RulePreview;
  /** Every expected direction/level reported non-zero users and objects. */
  sane: boolean;
  /** null when not verified; else whether every count equals the brute force. */
  verified: boolean | null;
}

const nobody = { all: false, siteIds: [], roles: [], teamIds: [], userIds: [], properties: [] };

async function propertyId(db: Database, organizationId: string, appliesTo: PropertyTarget, name: string): Promise<string> {
  const [row] = await db
    .select({ id: propertyDefinitions.id })
    .from(propertyDefinitions)
    .where(and(eq(propertyDefinitions.organizationId, organizationId), eq(propertyDefinitions.appliesTo, appliesTo), eq(propertyDefinitions.name, name)));
  if (!row) throw new Error(`The benchmark property "${name}" (${appliesTo}) is missing; run with --reseed.`);
  return row.id;
}

async function ruleId(db: Database, organizationId: string, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: accessRules.id })
    .from(accessRules)
    .where(and(eq(accessRules.organizationId, organizationId), eq(accessRules.name, name)));
  return row?.id ?? null;
}

/**
 * The drafts: (1) the narrow user's site rule widened from "documents tagged <site>" to every object of every type;
 * (2) a new department-match rule for everyone ("Everyone — Modify — parts of their department"); (3) disabling a
 * broad rule — "Managers — Modify — parts, products, …" (2,000 managers on half the objects), or at scales too small
 * to hold it, "Everyone — View — documents of their department".
 */
async function benchDrafts(db: Database, marker: BenchMarker): Promise<Draft[]> {
  const organizationId = marker.organizationId;
  const [narrowSite] = await db
    .select({ name: sites.name })
    .from(userSites)
    .innerJoin(sites, eq(sites.id, userSites.siteId))
    .where(eq(userSites.userId, marker.narrowUserId));
  if (!narrowSite) throw new Error("The narrow user has no site; run with --reseed.");
  const siteRuleName = `${narrowSite.name} — View — documents tagged ${narrowSite.name}`;
  const siteRule = await ruleId(db, organizationId, siteRuleName);
  if (!siteRule) throw new Error(`The rule "${siteRuleName}" is missing; run with --reseed.`);
  const broadRuleName = "Managers — Modify — parts, products, projects, manufacturing orders, workflows";
  const fallbackRuleName = "Everyone — View — documents of their department";
  const broadRule = (await ruleId(db, organizationId, broadRuleName)) ?? (await ruleId(db, organizationId, fallbackRuleName));
  if (!broadRule) throw new Error(`Neither "${broadRuleName}" nor "${fallbackRuleName}" exists; run with --reseed.`);
  const disabledName = (await ruleId(db, organizationId, broadRuleName)) ? broadRuleName : fallbackRuleName;
  const [userDepartment, partDepartment] = await Promise.all([
    propertyId(db, organizationId, "user", "Department"),
    propertyId(db, organizationId, "part", "Department"),
  ]);
  const downTo = (level: AccessLevel) => accessLevels.slice(0, accessLevels.indexOf(level) + 1);
  return [
    {
      label: `widen "${narrowSite.name} — View — documents tagged …" to all objects`,
      change: { kind: "update", id: siteRule, rule: { name: `${narrowSite.name} — View — all objects`, objects: { types: [], properties: [] } } },
      expect: downTo("view").map((level) => ({ direction: "gained", level })),
    },
    {
      label: "create \"Everyone — Modify — parts of their department\"",
      change: {
        kind: "create",
        rule: {
          name: "Everyone — Modify — parts of their department",
          level: "modify",
          users: { ...nobody, all: true },
          objects: { types: ["part"], properties: [] },
          match: [{ userPropertyId: userDepartment, objectPropertyId: partDepartment }],
        },
      },
      expect: downTo("modify").map((level) => ({ direction: "gained", level })),
    },
    {
      label: `disable "${disabledName.replace(/, products.*/, ", …")}"`,
      change: { kind: "disable", id: broadRule },
      expect: disabledName === broadRuleName ? [{ direction: "lost", level: "modify" }] : [{ direction: "lost", level: "view" }],
    },
  ];
}

const fmt = (n: number) => n.toLocaleString("en");

/** "gained view_no_download 1,234 users / 56,789 objects; …", the levels with any change. */
export function describePreview(preview: RulePreview): string {
  const parts: string[] = [];
  for (const direction of ["gained", "lost"] as const) {
    for (const level of preview.levels) {
      const figures = level[direction];
      if (figures.users > 0 || figures.objects > 0) parts.push(`${direction} ${level.level}: ${fmt(figures.users)} users / ${fmt(figures.objects)} objects`);
    }
  }
  return parts.length > 0 ? parts.join("; ") : "no change";
}

/** Times each draft through previewRuleChange and returns one measurement per draft. */
export async function measureImpactPreview(context: ImpactPreviewContext): Promise<PreviewMeasurement[]> {
  const { db, marker, viewer, log } = context;
  const { previewRuleChange } = await import("@/lib/access-rules/preview-rule-change");
  const drafts = await benchDrafts(db, marker);
  const brute = context.verify ? await BruteForce.load(db, marker.organizationId, viewer.id) : null;
  const measurements: PreviewMeasurement[] = [];
  for (const draft of drafts) {
    const run = async () => {
      const result = await previewRuleChange(db, marker.organizationId, draft.change, { actor: viewer });
      if (!result.ok) throw new Error(`previewRuleChange (${draft.label}): ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.data;
    };
    const preview = await run();
    const result = await context.time(run, context.iterations, Math.max(0, context.warmup - 1));
    const level = (name: AccessLevel) => preview.levels.find((entry) => entry.level === name)!;
    const sane = preview.change.altersAccess && draft.expect.every(({ direction, level: name }) => level(name)[direction].users > 0 && level(name)[direction].objects > 0);
    log(`    ${draft.label}: ${describePreview(preview)}; ${fmt(preview.classes)} user classes` + (sane ? "" : "  — NOT AS EXPECTED"));
    let verified: boolean | null = null;
    if (brute) {
      const started = performance.now();
      const expected = await brute.impact(draft.change);
      const differences = accessLevels.flatMap((name) =>
        (["gained", "lost"] as const).flatMap((direction) => {
          const got = level(name)[direction];
          const want = expected[direction][name];
          return got.users === want.users && got.objects === want.objects
            ? []
            : [`${direction} ${name}: preview ${fmt(got.users)} users / ${fmt(got.objects)} objects, brute force ${fmt(want.users)} / ${fmt(want.objects)}`];
        }),
      );
      verified = differences.length === 0;
      log(`      brute force over ${fmt(brute.users.length)} users × the ${fmt(brute.objects.length)} objects the Admin can view ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s): ${verified ? "same counts at every level" : `MISMATCH — ${differences.join("; ")}`}`);
    }
    measurements.push({ label: draft.label, result, preview, sane, verified });
  }
  return measurements;
}

/**
 * The reference the preview's counts are checked against: every active user × every object the previewing Admin can
 * view now, before and after the change, with the same planning and decision as the app (no classes, no tuples, no
 * SQL beyond loading).
 */
class BruteForce {
  private constructor(
    private readonly db: Database,
    private readonly organizationId: string,
    readonly users: RuleSubject[],
    readonly objects: ObjectAccessFacts[],
    private readonly before: AuthzContext,
  ) {}

  static async load(db: Database, organizationId: string, viewerId: string): Promise<BruteForce> {
    const { loadAuthzContext } = await import("@/lib/authz/authz-context");
    const { planRules } = await import("@/lib/authz/plan");
    const { effectiveLevel } = await import("@/lib/authz/decide");
    const users = await db.execute(sql`
      select u.id, u.role, u.active, u.properties,
        coalesce((select jsonb_agg(us.site_id) from user_sites us where us.user_id = u.id), '[]'::jsonb) as "siteIds",
        coalesce((select jsonb_agg(tm.team_id) from team_members tm where tm.user_id = u.id), '[]'::jsonb) as "teamIds"
      from users u where u.organization_id = ${organizationId} and u.active`);
    const objects = await db.execute(sql`
      select o.id, o.type, o.owner_id as "ownerId", o.scope_kind as "scopeKind", o.properties, o.trashed_at is not null as trashed,
        coalesce((select jsonb_agg(s.site_id) from object_scope_sites s where s.object_id = o.id), '[]'::jsonb) as "scopeSiteIds"
      from objects o where o.organization_id = ${organizationId}`);
    const before = await loadAuthzContext(db, organizationId, 0);
    const subjects = rows<RuleSubject>(users);
    const viewer = subjects.find((user) => user.id === viewerId);
    if (!viewer) throw new Error(`brute force: the previewing Admin ${viewerId} is not an active user`);
    const viewerPlan = planRules(viewer, before);
    const viewable = rows<ObjectAccessFacts>(objects).filter((object) => effectiveLevel(viewerPlan, viewer, object) !== "none");
    return new BruteForce(db, organizationId, subjects, viewable, before);
  }

  /** The rules after the change, as the preview's validation would make them. */
  private async after(change: RuleChangeInput): Promise<RuleFacts[]> {
    const { validateRule } = await import("@/lib/access-rules/validate-rule");
    const { draftRuleId } = await import("@/lib/access-rules/preview-rule-change");
    const validated = async (id: string, input: unknown) => {
      const valid = await validateRule(this.db, this.organizationId, input);
      if (!valid.ok) throw new Error(`brute force: the draft is invalid: ${valid.error.message}`);
      const { name, level, users, objects, match, enabled } = valid.data;
      return enabled ? [{ id, name, level, users, objects, match }] : [];
    };
    if (change.kind === "create") return [...this.before.rules, ...(await validated(draftRuleId, change.rule))];
    const [stored] = await this.db.select().from(accessRules).where(inArray(accessRules.id, [change.id]));
    if (!stored) throw new Error(`brute force: rule ${change.id} not found`);
    const others = this.before.rules.filter((rule) => rule.id !== change.id);
    const { name, level, enabled, users, objects, match } = stored;
    if (change.kind === "update") return [...others, ...(await validated(stored.id, { name, level, enabled, users, objects, match, ...change.rule }))];
    if (change.kind === "enable") return [...others, ...(await validated(stored.id, { name, level, enabled: true, users, objects, match }))];
    return others;
  }

  async impact(change: RuleChangeInput): Promise<Record<Direction, Record<AccessLevel, { users: number; objects: number }>>> {
    const { planRules } = await import("@/lib/authz/plan");
    const { effectiveLevel } = await import("@/lib/authz/decide");
    const { levelRank } = await import("@/lib/authz/levels");
    const after: AuthzContext = { ...this.before, rules: await this.after(change) };
    const reached = { gained: accessLevels.map(() => ({ users: 0, objects: new Set<string>() })), lost: accessLevels.map(() => ({ users: 0, objects: new Set<string>() })) };
    for (const user of this.users) {
      const planBefore = planRules(user, this.before);
      const planAfter = planRules(user, after);
      if (JSON.stringify(planBefore.rules, setsAsLists) === JSON.stringify(planAfter.rules, setsAsLists)) continue;
      const hit = { gained: accessLevels.map(() => false), lost: accessLevels.map(() => false) };
      for (const object of this.objects) {
        const rankBefore = levelRank(effectiveLevel(planBefore, user, object));
        const rankAfter = levelRank(effectiveLevel(planAfter, user, object));
        if (rankBefore === rankAfter) continue;
        const [direction, low, high] = rankAfter > rankBefore ? (["gained", rankBefore, rankAfter] as const) : (["lost", rankAfter, rankBefore] as const);
        // Levels low+1 … high (ranks 1–4 are accessLevels 0–3).
        for (let rank = low + 1; rank <= high; rank++) {
          hit[direction][rank - 1] = true;
          reached[direction][rank - 1]!.objects.add(object.id);
        }
      }
      for (const direction of ["gained", "lost"] as const) hit[direction].forEach((yes, index) => yes && reached[direction][index]!.users++);
    }
    const figures = (direction: Direction) =>
      Object.fromEntries(accessLevels.map((level, index) => [level, { users: reached[direction][index]!.users, objects: reached[direction][index]!.objects.size }])) as Record<
        AccessLevel,
        { users: number; objects: number }
      >;
    return { gained: figures("gained"), lost: figures("lost") };
  }
}

function setsAsLists(_key: string, value: unknown) {
  return value instanceof Set ? [...value].sort() : value;
}

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
