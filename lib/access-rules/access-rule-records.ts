import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { accessRules, type AccessLevel, type RuleObjectCondition, type RulePropertyMatch, type RuleUserCondition } from "@/db/schema";
import { isCursorInstant, utcInstantSql } from "@/lib/pagination/cursor-instant";
import { cursorSchema, decodeCursorText, encodeCursorText, invalidCursorMessage, parseCursorJson } from "@/lib/pagination/cursor-text";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { isUuid } from "@/lib/validation/uuid";

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

/** What the audit trail keeps of a rule, before and after a change. */
export function auditSnapshot(rule: AccessRuleRecord): Omit<AccessRuleRecord, "createdAt" | "updatedAt"> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...snapshot } = rule;
  return snapshot;
}

export const ruleNotFoundMessage = "adminRules.errors.notFound";
export const staleRuleMessage = "adminRules.errors.stale";

/** One rule of the organisation, or null (another organisation's ids are simply unknown). */
export async function getAccessRule(db: Executor, organizationId: string, id: string): Promise<AccessRuleRecord | null> {
  if (!isUuid(id)) return null;
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

export const listAccessRulesSchema = z.strictObject({
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number("adminRules.errors.limitInvalid")
      .int("adminRules.errors.limitInvalid")
      .min(1, "adminRules.errors.limitInvalid")
      .max(200, "adminRules.errors.limitInvalid")
      .default(50),
  ),
  cursor: z.preprocess(emptyToUndefined, cursorSchema.optional()),
});
export type ListAccessRulesInput = z.input<typeof listAccessRulesSchema>;

interface RuleCursor {
  position: number;
  createdAt: string;
  id: string;
}

/** Whether a cursor's position fits the integer column it is compared with. */
function isPosition(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;
}

function encodeCursor(cursor: RuleCursor): string {
  return encodeCursorText(JSON.stringify([cursor.position, cursor.createdAt, cursor.id]));
}

/** The cursor, or null unless encodeCursor made it: a position the integer column holds, a real instant, a uuid. */
function decodeCursor(text: string): RuleCursor | null {
  const payload = decodeCursorText(text);
  const value = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [position, createdAt, id] = value as unknown[];
  if (!isPosition(position) || typeof createdAt !== "string" || !isCursorInstant(createdAt) || !isUuid(id)) return null;
  const cursor = { position, createdAt, id };
  return encodeCursor(cursor) === text ? cursor : null;
}

/** A page of the organisation's rules in list order: `{ items, nextCursor }` (API.md "Lists"). */
export async function listAccessRules(
  db: Executor,
  organizationId: string,
  input: ListAccessRulesInput,
): Promise<Result<{ items: AccessRuleRecord[]; nextCursor: string | null }>> {
  const parsed = parseInput(listAccessRulesSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  const rows = await db
    .select({ row: accessRules, cursorInstant: utcInstantSql(accessRules.createdAt) })
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
    nextCursor: rows.length > limit && last ? encodeCursor({ position: last.row.position, createdAt: last.cursorInstant, id: last.row.id }) : null,
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
