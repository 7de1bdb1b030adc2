import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { RuleFacts } from "@/lib/authz/authz-context";
import { roleAllows } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { fail, ok, type AppError, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { getAccessRule, ruleNotFoundMessage, stableJson, type AccessRuleRecord } from "./access-rule-records";
import { adminOnlyMessage, patchedRule, ruleValidationFor } from "./change-access-rules";
import { computeRuleImpact, type RuleImpact } from "./rule-impact";
import { ruleChangeSchema, type AccessRulePatch, type RuleChange, type RuleChangeInput } from "./rule-schemas";
import { validateRule, type ValidateRuleOptions, type ValidRule } from "./validate-rule";

/** The id the draft of a new rule goes by while its impact is computed. */
export const draftRuleId = "00000000-0000-0000-0000-000000000000";

export interface RulePreview extends RuleImpact {
  change: {
    kind: "create" | "update" | "disable" | "enable" | "delete";
    /** The existing rule's id; null for a new rule. */
    ruleId: string | null;
    /** The rule's name after the change (before it, for a delete). */
    ruleName: string;
    /** False when the change cannot alter any access (for example disabling a rule that is already disabled). */
    altersAccess: boolean;
  };
}

export interface PreviewOptions {
  /**
   * The Admin asking: relation values naming objects must be objects they can see, and the figures and samples cover
   * only the objects they can view (SPEC §3: Admins are not exempt). Without one, every object counts.
   */
  actor?: ActingUser | null;
}

function factsOf(id: string, rule: Pick<ValidRule, "name" | "level" | "users" | "objects" | "match">): RuleFacts {
  return { id, name: rule.name, level: rule.level, users: rule.users, objects: rule.objects, match: rule.match };
}

// Field errors of the draft are keyed by their path in the change: `rule.users.properties.0.in`.
function withRulePrefix(result: { ok: false; error: AppError }): { ok: false; error: AppError } {
  const fields = result.error.fields;
  if (!fields) return result;
  const prefixed = Object.fromEntries(Object.entries(fields).map(([key, value]) => [`rule.${key}`, value]));
  return fail(result.error.code, result.error.message, prefixed, result.error.params);
}

interface ChangeSides {
  ruleId: string | null;
  ruleName: string;
  /** The changed rule as it grants now (null: it does not exist or is disabled). */
  before: RuleFacts | null;
  /** The changed rule as it will grant once saved (null: deleted or disabled). */
  after: RuleFacts | null;
}

/**
 * Both versions of the changed rule. The draft is validated exactly as the save would validate it — so field errors
 * show before anything is saved — and the "after" side is what the save would store.
 */
async function changeSides(
  db: Executor,
  organizationId: string,
  change: RuleChange,
  validation: (previous: AccessRuleRecord | null) => ValidateRuleOptions,
): Promise<Result<ChangeSides>> {
  if (change.kind === "create") {
    const valid = await validateRule(db, organizationId, change.rule, validation(null));
    if (!valid.ok) return withRulePrefix(valid);
    return ok({ ruleId: null, ruleName: valid.data.name, before: null, after: valid.data.enabled ? factsOf(draftRuleId, valid.data) : null });
  }
  const current = await getAccessRule(db, organizationId, change.id);
  if (!current) return fail("not_found", ruleNotFoundMessage);
  const before = current.enabled ? factsOf(current.id, current) : null;
  if (change.kind === "disable" || change.kind === "delete") return ok({ ruleId: current.id, ruleName: current.name, before, after: null });
  const patch: AccessRulePatch = change.kind === "update" ? change.rule : { enabled: true };
  const valid = await validateRule(db, organizationId, patchedRule(current, patch), validation(current));
  if (!valid.ok) return change.kind === "update" ? withRulePrefix(valid) : valid;
  return ok({ ruleId: current.id, ruleName: valid.data.name, before, after: valid.data.enabled ? factsOf(current.id, valid.data) : null });
}

function grantsAlike(a: RuleFacts | null, b: RuleFacts | null): boolean {
  return stableJson(a && { ...a, name: "" }) === stableJson(b && { ...b, name: "" });
}

/**
 * The impact preview of a rule change before it is made (SPEC §8): `{ kind: "create", rule }`, `{ kind: "update",
 * id, rule }` (the fields sent replace the current ones), or `{ kind: "disable" | "enable" | "delete", id }`. For each
 * level, how many users gain or lose it, on how many objects, with samples — computed by computeRuleImpact, exactly
 * the difference the authorization predicate makes before and after the change, on the objects the acting Admin can
 * view.
 *
 * This is the function the benchmark calls: `previewRuleChange(db, organizationId, change, { actor })`.
 */
export async function previewRuleChange(
  db: Executor,
  organizationId: string,
  input: RuleChangeInput,
  options: PreviewOptions = {},
): Promise<Result<RulePreview>> {
  const actor = options.actor ?? null;
  if (actor && !roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(ruleChangeSchema, input);
  if (!parsed.ok) return parsed;
  const change = parsed.data;

  const sides = await changeSides(db, organizationId, change, (previous) => (actor ? ruleValidationFor(db, actor, previous) : { previous }));
  if (!sides.ok) return sides;
  const { ruleId, ruleName, before, after } = sides.data;
  const altersAccess = !grantsAlike(before, after);
  const impact = await computeRuleImpact(db, {
    organizationId,
    changedRuleId: ruleId,
    before: altersAccess ? before : null,
    after: altersAccess ? after : null,
    viewer: actor ? subjectOf(actor) : null,
  });
  return ok({ ...impact, change: { kind: change.kind, ruleId, ruleName, altersAccess } });
}
