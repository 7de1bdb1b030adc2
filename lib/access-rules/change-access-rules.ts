import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { accessRules, teams } from "@/db/schema";
import { recordAdminChange } from "@/lib/admin/record-admin-change";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { subjectOf } from "@/lib/authz/subject";
import { visibleObjectIds } from "@/lib/objects/visible-object-ids";
import { lockOrganizationForAdminChange } from "@/lib/properties/lock-organization";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import {
  auditSnapshot,
  getAccessRule,
  ruleNotFoundMessage,
  serializeAccessRule,
  stableJson,
  staleRuleMessage,
  type AccessRuleRecord,
} from "./access-rule-records";
import {
  accessRuleFieldsSchema,
  accessRulePatchSchema,
  ruleIdSchema,
  rulePositionSchema,
  ruleVersionSchema,
  type AccessRuleFields,
  type AccessRulePatch,
} from "./rule-schemas";
import { ruleNameTakenMessage, validateRule, type ValidateRuleOptions, type ValidRule } from "./validate-rule";

export interface ChangeContext {
  clientAddress?: string | null;
}

export const adminOnlyMessage = "adminRules.errors.adminOnly";

/** Two Admins saving the same name at once: the unique index decides, the loser gets the field message. */
function ruleNameClash<T>(error: unknown): Result<T> {
  if (asUniqueViolation(error)?.constraint === "access_rules_org_name_unique") return fail("invalid", "errors.fieldsNeedAttention", { name: ruleNameTakenMessage });
  throw error;
}

/**
 * How an Admin's rule is checked, in the preview as at the save: its name must be free (the rule edited aside), and
 * the objects it refers to visible to them — one they cannot see is refused as unknown.
 */
export function ruleValidationFor(db: Executor, actor: ActingUser, previous: ValidateRuleOptions["previous"] = null): ValidateRuleOptions {
  const subject = subjectOf(actor);
  return { previous, uniqueName: true, visibleObjectIds: (type, ids) => visibleObjectIds(db, subject, type, ids) };
}

/** The rule's fields after a patch: the fields sent replace the current ones. */
export function patchedRule(current: AccessRuleRecord, patch: AccessRulePatch): AccessRuleFields {
  return {
    name: patch.name ?? current.name,
    level: patch.level ?? current.level,
    enabled: patch.enabled ?? current.enabled,
    users: patch.users ?? current.users,
    objects: patch.objects ?? current.objects,
    match: patch.match ?? current.match,
  };
}

/**
 * Validates a rule inside the saving transaction, after locking what it refers to, so that no concurrent change can
 * remove a team, a property or an option between the check and the save: the teams it names first (FOR SHARE — a
 * team deletion locks its team, then the organisation), then the organisation row (property and option changes lock
 * it first, see lockOrganizationForAdminChange).
 */
async function validateForSave(tx: Executor, actor: ActingUser, input: AccessRuleFields, previous: AccessRuleRecord | null): Promise<Result<ValidRule>> {
  const wellFormed = input.users.teamIds.filter((id) => ruleIdSchema.safeParse(id).success);
  if (wellFormed.length > 0) {
    await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organizationId, actor.organizationId), inArray(teams.id, wellFormed)))
      .for("share");
  }
  await lockOrganizationForAdminChange(tx, actor.organizationId);
  return validateRule(tx, actor.organizationId, input, ruleValidationFor(tx, actor, previous));
}

export const createAccessRuleSchema = accessRuleFieldsSchema.extend({ position: rulePositionSchema.optional() });
export type CreateAccessRuleInput = z.input<typeof createAccessRuleSchema>;

/**
 * Creates a rule (Admin). New rules go to the end of the list unless a position is given. Audited, and the
 * organisation's authorization version is bumped in the same transaction, so every instance drops its plans.
 */
export async function createAccessRule(
  db: Executor,
  actor: ActingUser,
  input: CreateAccessRuleInput,
  context: ChangeContext = {},
): Promise<Result<AccessRuleRecord>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(createAccessRuleSchema, input);
  if (!parsed.ok) return parsed;
  const { position, ...fields } = parsed.data;

  const created = db.transaction(async (tx): Promise<Result<AccessRuleRecord>> => {
    const valid = await validateForSave(tx, actor, fields, null);
    if (!valid.ok) return valid;
    const [row] = await tx
      .insert(accessRules)
      .values({
        organizationId: actor.organizationId,
        ...valid.data,
        position:
          position ??
          sql`(select coalesce(max(${accessRules.position}), -1) + 1 from ${accessRules} where ${accessRules.organizationId} = ${actor.organizationId})`,
        createdById: actor.id,
      })
      .returning();
    const rule = serializeAccessRule(row!);
    await recordAdminChange(
      tx,
      actor,
      { action: "access_rules.create", targetType: "access_rule", targetId: rule.id, after: auditSnapshot(rule) },
      context.clientAddress,
    );
    return ok(rule);
  });
  return created.catch(ruleNameClash<AccessRuleRecord>);
}

export const updateAccessRuleSchema = accessRulePatchSchema
  .extend({ id: ruleIdSchema, version: ruleVersionSchema, position: rulePositionSchema.optional() })
  .refine((input) => Object.keys(input).some((key) => key !== "id" && key !== "version" && input[key as keyof typeof input] !== undefined), {
    message: "adminRules.errors.changeNothing",
    path: ["form"],
  });
export type UpdateAccessRuleInput = z.input<typeof updateAccessRuleSchema>;

function sameRule(a: Omit<ValidRule, "name">, b: AccessRuleRecord): boolean {
  const comparable = (rule: Omit<ValidRule, "name">) => stableJson([rule.level, rule.enabled, rule.users, rule.objects, rule.match]);
  return comparable(a) === comparable(b);
}

/** The audit action of an edit: enabling and disabling are named as such when nothing else changed. */
function updateAction(current: AccessRuleRecord, saved: AccessRuleRecord): string {
  const onlyEnabled =
    current.enabled !== saved.enabled && sameRule({ ...saved, enabled: current.enabled }, current) && current.name === saved.name && current.position === saved.position;
  if (!onlyEnabled) return "access_rules.update";
  return saved.enabled ? "access_rules.enable" : "access_rules.disable";
}

/**
 * Edits a rule (Admin): the fields sent replace the current ones, the result is validated as a whole, and the
 * write states the version the editor read, so an edit made on a stale copy is refused (409), never merged. An edit
 * that changes nothing writes nothing, audits nothing and bumps nothing.
 */
export async function updateAccessRule(
  db: Executor,
  actor: ActingUser,
  input: UpdateAccessRuleInput,
  context: ChangeContext = {},
): Promise<Result<AccessRuleRecord>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(updateAccessRuleSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, position, ...patch } = parsed.data;

  const updated = db.transaction(async (tx): Promise<Result<AccessRuleRecord>> => {
    const current = await getAccessRule(tx, actor.organizationId, id);
    if (!current) return fail("not_found", ruleNotFoundMessage);
    if (current.version !== version) return fail("conflict", staleRuleMessage);
    const valid = await validateForSave(tx, actor, patchedRule(current, patch), current);
    if (!valid.ok) return valid;
    const nextPosition = position ?? current.position;
    if (valid.data.name === current.name && nextPosition === current.position && sameRule(valid.data, current)) return ok(current);

    const [row] = await tx
      .update(accessRules)
      .set({ ...valid.data, position: nextPosition, version: sql`${accessRules.version} + 1`, updatedAt: new Date() })
      .where(and(eq(accessRules.id, id), eq(accessRules.organizationId, actor.organizationId), eq(accessRules.version, version)))
      .returning();
    if (!row) return fail("conflict", staleRuleMessage);
    const rule = serializeAccessRule(row);
    await recordAdminChange(
      tx,
      actor,
      { action: updateAction(current, rule), targetType: "access_rule", targetId: id, before: auditSnapshot(current), after: auditSnapshot(rule) },
      context.clientAddress,
    );
    return ok(rule);
  });
  return updated.catch(ruleNameClash<AccessRuleRecord>);
}

export const setAccessRuleEnabledSchema = z.strictObject({ id: ruleIdSchema, version: ruleVersionSchema, enabled: z.boolean("adminRules.errors.trueOrFalse") });

/** Enables or disables a rule (Admin): a disabled rule grants nothing but keeps its definition. */
export async function setAccessRuleEnabled(
  db: Executor,
  actor: ActingUser,
  input: z.input<typeof setAccessRuleEnabledSchema>,
  context: ChangeContext = {},
): Promise<Result<AccessRuleRecord>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(setAccessRuleEnabledSchema, input);
  if (!parsed.ok) return parsed;
  return updateAccessRule(db, actor, parsed.data, context);
}

export const deleteAccessRuleSchema = z.strictObject({
  id: ruleIdSchema,
  /** The version the admin saw, when a delete made on a stale view must be refused; any version otherwise. */
  version: ruleVersionSchema.optional(),
});
export type DeleteAccessRuleInput = z.input<typeof deleteAccessRuleSchema>;

/** Deletes a rule (Admin). The audit entry keeps the whole rule as it was. */
export async function deleteAccessRule(
  db: Executor,
  actor: ActingUser,
  input: DeleteAccessRuleInput,
  context: ChangeContext = {},
): Promise<Result<{ id: string; deleted: true }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminOnlyMessage);
  const parsed = parseInput(deleteAccessRuleSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;

  return db.transaction(async (tx): Promise<Result<{ id: string; deleted: true }>> => {
    const current = await getAccessRule(tx, actor.organizationId, id);
    if (!current) return fail("not_found", ruleNotFoundMessage);
    if (version !== undefined && current.version !== version) return fail("conflict", staleRuleMessage);
    const [row] = await tx
      .delete(accessRules)
      .where(and(eq(accessRules.id, id), eq(accessRules.organizationId, actor.organizationId), eq(accessRules.version, current.version)))
      .returning({ id: accessRules.id });
    if (!row) return fail("conflict", staleRuleMessage);
    await recordAdminChange(
      tx,
      actor,
      { action: "access_rules.delete", targetType: "access_rule", targetId: id, before: auditSnapshot(current) },
      context.clientAddress,
    );
    return ok({ id, deleted: true as const });
  });
}
