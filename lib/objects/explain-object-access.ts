import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { decideAccess, type AccessDecision, type ActionVerdict, type CheckVerdict, type GrantingRule } from "@/lib/authz/decide";
import type { EffectiveLevel } from "@/lib/authz/levels";
import { authorizeObjectRead } from "@/lib/authz/object-access";
import type { ObjectAction } from "@/lib/authz/object-actions";
import { roleAllows } from "@/lib/authz/roles";
import { loadAccessSubject, planFor, subjectOf } from "@/lib/authz/subject";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { objectIdSchema } from "./object-schemas";
import { sharingWords, type SharingContext, type SharingWords } from "./sharing-words";

/** One user's access to one object, with the verdict and reason of each of role, scope and rule per action (SPEC §4). */
export interface EffectiveAccess {
  userId: string;
  userName: string;
  /** Only active users match rules (SPEC §9). */
  active: boolean;
  level: EffectiveLevel;
  levelLabel: string;
  scope: CheckVerdict;
  actions: Record<ObjectAction, ActionVerdict>;
  grantingRules: GrantingRule[];
}

/** A verdict with its reason in words (the decision names reasons by key). */
function wordedVerdict(verdict: CheckVerdict, words: SharingWords): CheckVerdict {
  const key = verdict.reason as Parameters<SharingWords["tReasons"]>[0];
  return { ok: verdict.ok, reason: words.tReasons(key, verdict.params) };
}

export function effectiveAccessOf(user: { id: string; name: string; active: boolean }, decision: AccessDecision, words: SharingWords): EffectiveAccess {
  const actions = Object.fromEntries(
    Object.entries(decision.actions).map(([action, verdict]) => [
      action,
      { allowed: verdict.allowed, role: wordedVerdict(verdict.role, words), scope: wordedVerdict(verdict.scope, words), rule: wordedVerdict(verdict.rule, words) },
    ]),
  ) as Record<ObjectAction, ActionVerdict>;
  return {
    userId: user.id,
    userName: user.name,
    active: user.active,
    level: decision.level,
    levelLabel: words.tCommon(`levels.${decision.level}`),
    scope: wordedVerdict(decision.scope, words),
    actions,
    grantingRules: decision.grantingRules,
  };
}

export const explainObjectAccessSchema = z.strictObject({
  id: objectIdSchema,
  /** Whose access; the caller's own when absent. */
  userId: z.uuid("objects.fields.userIdInvalid").optional(),
});
export type ExplainObjectAccessInput = z.input<typeof explainObjectAccessSchema>;

export const othersAccessForbiddenMessage = "objects.errors.othersAccessForbidden";

/**
 * The effective access of a user on an object, explained (the Share tab's checker, `…/access?userId=`): anyone who
 * can view the object may check their own; checking someone else's is Manager+ (SPEC §9). A user id that is not
 * one of the organisation's users is not_found.
 */
export async function explainObjectAccess(
  db: Executor,
  user: ActingUser,
  input: ExplainObjectAccessInput,
  context: SharingContext = {},
): Promise<Result<EffectiveAccess>> {
  const parsed = parseInput(explainObjectAccessSchema, input);
  if (!parsed.ok) return parsed;
  const authorized = await authorizeObjectRead(db, subjectOf(user), parsed.data.id, "view", context);
  if (!authorized.ok) return authorized;
  const targetId = parsed.data.userId ?? user.id;
  const words = sharingWords(context.locale);
  if (targetId === user.id) return ok(effectiveAccessOf({ ...user, active: true }, authorized.data.decision, words));

  // "edit_objects" is exactly Manager+ (SPEC §2), the roles that may check someone else's access (SPEC §9).
  if (!roleAllows(user.role, "edit_objects")) return fail("forbidden", othersAccessForbiddenMessage);
  const [target, person] = await Promise.all([
    loadAccessSubject(db, user.organizationId, targetId),
    db
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.id, targetId), eq(users.organizationId, user.organizationId))),
  ]);
  if (!target || !person[0]) return fail("not_found", "objects.errors.userNotFound");
  const decision = decideAccess(await planFor(db, target), target, authorized.data.facts);
  return ok(effectiveAccessOf({ id: target.id, name: person[0].name, active: target.active }, decision, words));
}
