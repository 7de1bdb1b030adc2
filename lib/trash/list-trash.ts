import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects, users, type ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { roleAllows } from "@/lib/authz/roles";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { afterTrashCursorSql, decodeTrashCursor, encodeTrashCursor, trashCursorInstantSql } from "./trash-cursor";
import { restorableUntil, withinTrashWindowSql } from "./trash-window";

const listFields = z.strictObject({
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listTrashSchema = withoutEmptyParameters(listFields);
export type ListTrashInput = z.input<typeof listFields>;

/** An object in the trash, as the Trash page and `GET /api/v1/trash` show it. */
export interface TrashedObjectView {
  id: string;
  type: ObjectType;
  reference: string;
  title: string;
  /** The object's row version: a restore may state it. */
  version: number;
  trashedAt: string;
  /** Who deleted it; null if that user is gone. */
  trashedBy: { id: string; name: string } | null;
  /** After this instant it can no longer be restored, and leaves the trash. */
  restorableUntil: string;
}

export interface TrashPage {
  items: TrashedObjectView[];
  nextCursor: string | null;
}

/**
 * The caller's trash: objects deleted less than 30 days ago that they would have Full access to if they were live —
 * exactly who may restore them, as exactly who could delete them — newest deleted first. Decided in SQL by the
 * predicate (its `trashed` lifecycle), like every list.
 */
export async function listTrash(db: Executor, user: ActingUser, input: ListTrashInput): Promise<Result<TrashPage>> {
  if (!roleAllows(user.role, "edit_objects")) return fail("forbidden", "errors.roleForbidden");
  const parsed = parseInput(listTrashSchema, input);
  if (!parsed.ok) return parsed;
  const { limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeTrashCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const subject = subjectOf(user);
  const filter = visibleObjectsFilter(await planFor(db, subject), subject, {
    organizationId: user.organizationId,
    minLevel: "full",
    lifecycle: "trashed",
  });
  if (filter.never) return ok({ items: [], nextCursor: null });

  const rows = await db
    .select({
      id: objects.id,
      type: objects.type,
      reference: objects.reference,
      title: objects.title,
      version: objects.version,
      trashedAt: objects.trashedAt,
      cursorInstant: trashCursorInstantSql,
      trashedById: users.id,
      trashedByName: users.name,
    })
    .from(objects)
    .leftJoin(users, and(eq(users.id, objects.trashedById), eq(users.organizationId, objects.organizationId)))
    .where(and(filter.where, withinTrashWindowSql, cursor ? afterTrashCursorSql(cursor) : undefined))
    .orderBy(desc(objects.trashedAt), desc(objects.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map((row) => {
      const trashedAt = new Date(row.trashedAt!);
      return {
        id: row.id,
        type: row.type,
        reference: row.reference,
        title: row.title,
        version: row.version,
        trashedAt: trashedAt.toISOString(),
        trashedBy: row.trashedById && row.trashedByName !== null ? { id: row.trashedById, name: row.trashedByName } : null,
        restorableUntil: restorableUntil(trashedAt).toISOString(),
      };
    }),
    nextCursor: rows.length > limit && last ? encodeTrashCursor({ trashedAt: last.cursorInstant, id: last.id }) : null,
  });
}
