import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { integrationLog, integrations, integrationTokens, users } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { isCursorInstant, utcInstantSql } from "@/lib/pagination/cursor-instant";
import { cursorSchema, decodeCursorText, encodeCursorText, invalidCursorMessage, parseCursorJson } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { parseInput } from "@/lib/validation/parse-input";
import { isUuid } from "@/lib/validation/uuid";

const dateSchema = z.iso.date("adminIntegrationLog.errors.dateInvalid");

export const listIntegrationLogSchema = withoutEmptyParameters(
  z
    .strictObject({
      integrationId: z.string().max(100).optional(),
      /** An exact status (`429`) or a class (`4xx`). */
      status: z
        .string()
        .regex(/^[1-5](\d\d|xx)$/, "adminIntegrationLog.errors.statusInvalid")
        .optional(),
      /** First and last calendar day, in the organisation's time zone (both included). */
      from: dateSchema.optional(),
      to: dateSchema.optional(),
      limit: pageLimitSchema,
      cursor: cursorSchema.optional(),
    })
    .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ["to"], message: "adminIntegrationLog.errors.toBeforeFrom" }),
);
export type ListIntegrationLogInput = z.input<typeof listIntegrationLogSchema>;

/** One call made with a token, as the log page and `GET /api/v1/integration-log` show it. */
export interface IntegrationLogEntry {
  id: string;
  occurredAt: string;
  integrationId: string;
  integrationName: string | null;
  tokenId: string | null;
  tokenName: string | null;
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

interface LogCursor {
  occurredAt: string;
  id: number;
}

function encodeLogCursor(cursor: LogCursor): string {
  return encodeCursorText(JSON.stringify([cursor.occurredAt, cursor.id]));
}

function decodeLogCursor(text: string): LogCursor | null {
  const payload = decodeCursorText(text);
  const value = payload === null ? undefined : parseCursorJson(payload);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [occurredAt, id] = value as unknown[];
  if (typeof occurredAt !== "string" || !isCursorInstant(occurredAt) || !Number.isSafeInteger(id) || (id as number) < 1) return null;
  return { occurredAt, id: id as number };
}

function statusSql(status: string | undefined): SQL | undefined {
  if (!status) return undefined;
  if (status.endsWith("xx")) {
    const low = Number(status[0]) * 100;
    return and(gte(integrationLog.status, low), lt(integrationLog.status, low + 100));
  }
  return eq(integrationLog.status, Number(status));
}

/**
 * The organisation's integration log (Admin, SPEC §8), newest first, one keyset page at a time: filtered in SQL by
 * integration, status (exact or class) and calendar days in the organisation's time zone.
 */
export async function listIntegrationLog(
  db: Executor,
  actor: ActingUser,
  input: ListIntegrationLogInput,
): Promise<Result<{ items: IntegrationLogEntry[]; nextCursor: string | null }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(listIntegrationLogSchema, input);
  if (!parsed.ok) return parsed;
  const { integrationId, status, from, to, limit, cursor } = parsed.data;
  const after = cursor === undefined ? null : decodeLogCursor(cursor);
  if (cursor !== undefined && !after) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  if (integrationId !== undefined && !isUuid(integrationId)) return ok({ items: [], nextCursor: null });
  const tz = actor.timeZone;
  const occurredAtText = utcInstantSql(integrationLog.occurredAt);
  const rows = await db
    .select({
      id: integrationLog.id,
      occurredAt: occurredAtText,
      integrationId: integrationLog.integrationId,
      integrationName: users.name,
      tokenId: integrationLog.tokenId,
      tokenName: integrationTokens.name,
      method: integrationLog.method,
      path: integrationLog.path,
      status: integrationLog.status,
      durationMs: integrationLog.durationMs,
    })
    .from(integrationLog)
    .leftJoin(integrations, and(eq(integrations.id, integrationLog.integrationId), eq(integrations.organizationId, integrationLog.organizationId)))
    .leftJoin(users, and(eq(users.id, integrations.serviceUserId), eq(users.organizationId, integrations.organizationId)))
    .leftJoin(integrationTokens, and(eq(integrationTokens.id, integrationLog.tokenId), eq(integrationTokens.organizationId, integrationLog.organizationId)))
    .where(
      and(
        eq(integrationLog.organizationId, actor.organizationId),
        integrationId ? eq(integrationLog.integrationId, integrationId) : undefined,
        statusSql(status),
        from ? sql`${integrationLog.occurredAt} >= (${from}::date)::timestamp at time zone ${tz}` : undefined,
        to ? sql`${integrationLog.occurredAt} < (${to}::date + 1)::timestamp at time zone ${tz}` : undefined,
        after ? sql`(${integrationLog.occurredAt}, ${integrationLog.id}) < (${after.occurredAt}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(integrationLog.occurredAt), desc(integrationLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => ({ ...row, id: String(row.id) })),
    nextCursor: rows.length > limit && last ? encodeLogCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
  });
}
