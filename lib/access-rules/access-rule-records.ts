import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { accessRules, type AccessLevel, type RuleObjectCondition, type RulePropertyMatch, type RuleUserCondition } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/validation/field-errors";

/** An access rule as the API answers it (API.md "Access rule shape"), with its list position and row version. */
export interface AccessRuleRecord {
  id: string;
  name: string;
  level: AccessLevel;
  enabled: boolean;
  users: RuleUserCondition;
  objects: RuleObjectCondition;
  match: RulePropertyMatch[];
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type AccessRuleRow = typeof accessRules.$inferSelect;

export function serializeAccessRule(row: AccessRuleRow): AccessRuleRecord {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    enabled: row.enabled,
    users: row.users,
    objects: row.objects,
    match: row.match,
    position: row.position,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a rule, before and after a change. */
export function auditSnapshot(rule: AccessRuleRecord): Omit<AccessRuleRecord, "createdAt" | "updatedAt"> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = rule;
  return snapshot;
}

export const ruleNotFoundMessage = "This access rule does not exist (it may have been deleted).";
export const staleRuleMessage = "This rule was changed by someone else since you opened it. Reload it to see the changes.";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One rule of the organisation, or null (another organisation's ids are simply unknown). */
export async function getAccessRule(db: Executor, organizationId: string, id: string): Promise<AccessRuleRecord | null> {
  if (!uuidPattern.test(id)) return null;
  const [row] = await db
    .select()
    .from(accessRules)
    .where(and(eq(accessRules.id, id), eq(accessRules.organizationId, organizationId)));
  return row ? serializeAccessRule(row) : null;
}

/** Every rule of the organisation, enabled or not, in list order (position, then creation). */
export async function listAllAccessRules(db: Executor, organizationId: string): Promise<AccessRuleRecord[]> {
  const rows = await db
    .select()
    .from(accessRules)
    .where(eq(accessRules.organizationId, organizationId))
    .orderBy(asc(accessRules.position), asc(accessRules.createdAt), asc(accessRules.id));
  return rows.map(serializeAccessRule);
}

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const listAccessRulesSchema = z.object({
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce.number("Send limit as a number.").int("Send limit as a whole number.").min(1, "limit is 1 to 200.").max(200, "limit is 1 to 200.").default(50),
  ),
  cursor: z.preprocess(emptyToUndefined, z.string().optional()),
});
export type ListAccessRulesInput = z.input<typeof listAccessRulesSchema>;

interface RuleCursor {
  position: number;
  createdAt: string;
  id: string;
}

// The cursor carries created_at as PostgreSQL prints it (microseconds), not as a JS Date (milliseconds), so a keyset
// comparison never repeats or skips a row.
function encodeCursor(row: { position: number; createdAtText: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.position, row.createdAtText, row.id])).toString("base64url");
}

function decodeCursor(cursor: string): RuleCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return null;
    const [position, createdAt, id] = value as unknown[];
    if (typeof position !== "number" || typeof createdAt !== "string" || typeof id !== "string" || !uuidPattern.test(id)) return null;
    if (Number.isNaN(Date.parse(createdAt))) return null;
    return { position, createdAt, id };
  } catch {
    return null;
  }
}

/** A page of the organisation's rules in list order: `{ items, nextCursor }` (API.md "Lists"). */
export async function listAccessRules(
  db: Executor,
  organizationId: string,
  input: ListAccessRulesInput,
): Promise<Result<{ items: AccessRuleRecord[]; nextCursor: string | null }>> {
  const parsed = listAccessRulesSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", "Some fields need attention.", fieldErrors(parsed.error));
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) return fail("invalid", "Some fields need attention.", { cursor: "This cursor is not valid: start again from the first page." });
  const rows = await db
    .select({ row: accessRules, createdAtText: sql<string>`${accessRules.createdAt}::text` })
    .from(accessRules)
    .where(
      and(
        eq(accessRules.organizationId, organizationId),
        after
          ? sql`(${accessRules.position}, ${accessRules.createdAt}, ${accessRules.id}) > (${after.position}, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(accessRules.position), asc(accessRules.createdAt), asc(accessRules.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map(({ row }) => serializeAccessRule(row)),
    nextCursor: rows.length > limit && last ? encodeCursor({ position: last.row.position, createdAtText: last.createdAtText, id: last.row.id }) : null,
  });
}

/** JSON with object keys sorted: rules read back from jsonb (which reorders keys) compare equal to rules built in code. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
