// The comparison: the same decisions through @casl/ability, built per user from the same planned rules.
// CASL cannot compare a user property with an object property, so it gets the plan, where the user's side is already
// decided and the user's values are filled into the object conditions (exactly what our decision evaluates).
import { createMongoAbility, type MongoAbility, type MongoQuery } from "@casl/ability";
import type { AccessLevel } from "@/db/schema";
import type { ObjectAccessFacts } from "@/lib/authz/decide";
import { levelRank } from "@/lib/authz/levels";
import type { UserPlan } from "@/lib/authz/plan";

/** One action per level, so the comparison covers every level. */
export const comparedActions = [
  { action: "view", level: "view_no_download" },
  { action: "download", level: "view" },
  { action: "edit", level: "modify" },
  { action: "delete", level: "full" },
] as const satisfies readonly { action: string; level: AccessLevel }[];
export type ComparedAction = (typeof comparedActions)[number]["action"];

export type BenchAbility = MongoAbility<[ComparedAction, ObjectAccessFacts | ObjectAccessFacts["type"]]>;

/**
 * CASL rules for one user: for each action and each planned rule reaching that action's level, one CASL rule per
 * scope branch (owner, organisation, one of my sites — CASL ORs rules, and its default matcher has no `$or`), each
 * with the rule's object conditions as MongoDB-style field queries on the facts. Multi-valued properties are arrays,
 * which `$in` matches element-wise ("contains"), as our containment test does.
 */
export function buildCaslAbility(plan: UserPlan, subject: { id: string; siteIds: readonly string[] }): BenchAbility {
  const scopeBranches: MongoQuery[] = [
    { trashed: false, ownerId: subject.id },
    { trashed: false, scopeKind: "organization" },
    ...(subject.siteIds.length > 0 ? [{ trashed: false, scopeKind: "sites", scopeSiteIds: { $in: [...subject.siteIds] } }] : []),
  ];
  const rules = comparedActions.flatMap(({ action, level }) =>
    plan.rules
      .filter((rule) => levelRank(rule.level) >= levelRank(level))
      .flatMap((rule) => {
        const objectConditions = Object.fromEntries(
          rule.conditions.map((condition) => [`properties.${condition.propertyId}`, { $in: condition.candidates }]),
        );
        if (Object.keys(objectConditions).length !== rule.conditions.length) {
          throw new Error(`Rule "${rule.name}" tests one property twice, which one CASL field query cannot say.`);
        }
        return scopeBranches.map((scope) => ({
          action,
          subject: rule.types ? [...rule.types] : ("all" as const),
          conditions: { ...scope, ...objectConditions } as MongoQuery,
        }));
      }),
  );
  return createMongoAbility(rules as never, { detectSubjectType: (object: ObjectAccessFacts) => object.type }) as BenchAbility;
}
