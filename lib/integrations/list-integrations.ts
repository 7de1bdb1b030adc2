import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { integrations } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { decodeNameCursor, encodeNameCursor } from "@/lib/pagination/name-cursor";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { adminsOnlyMessage } from "@/lib/users/user-messages";
import { parseInput } from "@/lib/validation/parse-input";
import { integrationIdParamSchema } from "./integration-schemas";
import { integrationNotFoundMessage, loadIntegrationView, selectIntegrations, tokensOf, toIntegrationView, type IntegrationView } from "./integration-view";

export const listIntegrationsSchema = withoutEmptyParameters(
  z.strictObject({
    limit: pageLimitSchema,
    /** The `nextCursor` of the previous page. */
    cursor: cursorSchema.optional(),
  }),
);
export type ListIntegrationsInput = z.input<typeof listIntegrationsSchema>;

/** The organisation's integrations in name order (Admin), deactivated ones included: `{ items, nextCursor }`. */
export async function listIntegrations(
  db: Executor,
  actor: ActingUser,
  input: ListIntegrationsInput,
): Promise<Result<{ items: IntegrationView[]; nextCursor: string | null }>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = parseInput(listIntegrationsSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor } = parsed.data;
  const after = cursor === undefined ? null : decodeNameCursor(cursor);
  if (cursor !== undefined && !after) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
  const keySql = after ? sql`(lower(${sql.identifier("users")}.${sql.identifier("name")}), ${integrations.id}) > (${after.sortName}, ${after.id}::uuid)` : undefined;
  const rows = await selectIntegrations(db, actor.organizationId, keySql, limit + 1);
  const page = rows.slice(0, limit);
  const tokens = await tokensOf(db, actor.organizationId, page.map((row) => row.id));
  const last = page.at(-1);
  return ok({
    items: page.map((row) => toIntegrationView(row, tokens.get(row.id) ?? [])),
    nextCursor: rows.length > limit && last ? encodeNameCursor({ sortName: last.sortName, id: last.id }) : null,
  });
}

export const getIntegrationSchema = z.strictObject({ id: integrationIdParamSchema });

/** One integration of the organisation (Admin); not_found for any other id. */
export async function getIntegration(db: Executor, actor: ActingUser, input: z.input<typeof getIntegrationSchema>): Promise<Result<IntegrationView>> {
  if (!roleAllows(actor.role, "administer")) return fail("forbidden", adminsOnlyMessage);
  const parsed = getIntegrationSchema.safeParse(input);
  const view = parsed.success ? await loadIntegrationView(db, actor.organizationId, parsed.data.id) : null;
  return view ? ok(view) : fail("not_found", integrationNotFoundMessage);
}
