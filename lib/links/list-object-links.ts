import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objectLinks, objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { authorizeObjectRead, type ObjectReadContext } from "@/lib/authz/object-access";
import { visibleObjectsFilter } from "@/lib/authz/predicate";
import { roleAllows } from "@/lib/authz/roles";
import { planFor, subjectOf } from "@/lib/authz/subject";
import { objectIdSchema } from "@/lib/objects/object-schemas";
import { cursorSchema, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { pageLimitSchema } from "@/lib/pagination/page-limit";
import { withoutEmptyParameters } from "@/lib/pagination/without-empty-parameters";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { decodeLinkCursor, encodeLinkCursor } from "./link-cursor";
import { isManagedLinkKind } from "./link-kinds";
import { toLinkView, type LinkDirection, type LinkView } from "./link-view";

const listFields = z.strictObject({
  id: objectIdSchema,
  limit: pageLimitSchema,
  cursor: cursorSchema.optional(),
});
export const listObjectLinksSchema = withoutEmptyParameters(listFields);
export type ListObjectLinksInput = z.input<typeof listFields>;

export interface LinkPage {
  items: LinkView[];
  nextCursor: string | null;
}

/**
 * An object's links in both directions, sorted by kind then the other object's reference, one page at a time. Only
 * links whose other object the caller can view are listed: that object is filtered in SQL by the visibility
 * predicate (trashed objects included), so access never flows through a link (SPEC §9) and pages stay full.
 */
export async function listObjectLinks(
  db: Executor,
  user: ActingUser,
  input: ListObjectLinksInput,
  context: ObjectReadContext = {},
): Promise<Result<LinkPage>> {
  const parsed = parseInput(listObjectLinksSchema, input);
  if (!parsed.ok) return parsed;
  const { id, limit, cursor: cursorText } = parsed.data;
  const cursor = cursorText === undefined ? null : decodeLinkCursor(cursorText);
  if (cursorText !== undefined && !cursor) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });

  const subject = subjectOf(user);
  const authorized = await authorizeObjectRead(db, subject, id, "view", context);
  if (!authorized.ok) return authorized;

  const plan = await planFor(db, subject);
  const scope = { organizationId: user.organizationId };
  const visible = visibleObjectsFilter(plan, subject, { ...scope, minLevel: "view_no_download" });
  if (visible.never) return ok({ items: [], nextCursor: null });
  // An incoming link is the other object's to change: link access on it means Modify and a Manager+ role.
  const linkable = roleAllows(user.role, "edit_objects") ? visibleObjectsFilter(plan, subject, { ...scope, minLevel: "modify" }) : null;
  const otherIsLinkable = linkable && !linkable.never ? sql<boolean>`coalesce((${linkable.where}), false)` : sql<boolean>`false`;
  const linkOnThis = authorized.data.decision.actions.link.allowed;

  const outgoing = eq(objectLinks.fromObjectId, id);
  const rows = await db
    .select({
      id: objectLinks.id,
      kind: objectLinks.kind,
      direction: sql<LinkDirection>`case when ${outgoing} then 'outgoing' else 'incoming' end`,
      quantity: objectLinks.quantity,
      version: objectLinks.version,
      createdAt: objectLinks.createdAt,
      objectId: objects.id,
      objectType: objects.type,
      reference: objects.reference,
      title: objects.title,
      otherIsLinkable,
    })
    .from(objectLinks)
    .innerJoin(
      objects,
      and(
        eq(objects.organizationId, objectLinks.organizationId),
        or(and(outgoing, eq(objects.id, objectLinks.toObjectId)), and(eq(objectLinks.toObjectId, id), eq(objects.id, objectLinks.fromObjectId))),
      ),
    )
    .where(
      and(
        eq(objectLinks.organizationId, user.organizationId),
        or(outgoing, eq(objectLinks.toObjectId, id)),
        visible.where,
        cursor
          ? sql`(${objectLinks.kind}, ${objects.reference}, ${objectLinks.id}) > (${cursor.kind}::object_link_kind, ${cursor.reference}, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(objectLinks.kind), asc(objects.reference), asc(objectLinks.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return ok({
    items: page.map(({ otherIsLinkable: sourceIsLinkable, ...row }) =>
      toLinkView(row, !isManagedLinkKind(row.kind) && (row.direction === "outgoing" ? linkOnThis : sourceIsLinkable)),
    ),
    nextCursor: rows.length > limit && last ? encodeLinkCursor({ kind: last.kind, reference: last.reference, id: last.id }) : null,
  });
}
