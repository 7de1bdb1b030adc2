import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { objects } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeObject } from "@/lib/authz/object-access";
import { visibleObjectsFilter, type VisibilityFilter } from "@/lib/authz/predicate";
import { roleAllows } from "@/lib/authz/roles";
import { planFor, type AccessSubject } from "@/lib/authz/subject";
import { currentSubject } from "@/lib/objects/current-subject";
import { staleObjectMessage } from "@/lib/objects/object-messages";
import { objectIdSchema, objectVersionSchema } from "@/lib/objects/object-schemas";
import { loadObjectView, type ObjectView } from "@/lib/objects/object-view";
import { recordObjectActivity } from "@/lib/objects/record-object-activity";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { withinTrashWindowSql } from "./trash-window";

export const restoreObjectSchema = z.strictObject({
  id: objectIdSchema,
  /** The version the user saw in the trash, when they want a restore made on a stale view refused. */
  version: objectVersionSchema.optional(),
});
export type RestoreObjectInput = z.input<typeof restoreObjectSchema>;

/**
 * Takes an object out of the trash: Manager+, Full access as if it were live (the level deleting needed), within 30
 * days of its deletion. The write's WHERE is the predicate itself (trashed lifecycle, Full), so a rule or scope
 * change committed meanwhile cannot be overtaken. Logged in its activity feed and the audit log. Anything outside the
 * caller's trash is not_found, as everywhere; the caller who could restore it is told when 30 days have passed.
 */
export async function restoreObject(
  db: Executor,
  user: ActingUser,
  input: RestoreObjectInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<ObjectView>> {
  const parsed = parseInput(restoreObjectSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;
  const clientAddress = context.clientAddress ?? null;

  return db.transaction(async (tx) => {
    const subject = await currentSubject(tx, user);
    if (!roleAllows(subject.role, "edit_objects")) return fail("forbidden", "errors.roleForbidden");
    const filter = visibleObjectsFilter(await planFor(tx, subject), subject, {
      organizationId: subject.organizationId,
      minLevel: "full",
      lifecycle: "trashed",
    });
    const [row] = filter.never
      ? []
      : await tx
          .update(objects)
          .set({ trashedAt: null, trashedById: null, version: sql`${objects.version} + 1`, updatedAt: new Date() })
          .where(and(eq(objects.id, id), filter.where, withinTrashWindowSql, version === undefined ? undefined : eq(objects.version, version)))
          .returning({ id: objects.id, type: objects.type, reference: objects.reference, title: objects.title });
    if (!row) return whyNotRestored(tx, subject, filter, { id, version, clientAddress });

    await recordObjectActivity(tx, { organizationId: subject.organizationId, objectId: id, objectType: row.type, actorId: user.id, kind: "restored" });
    await recordAudit(tx, {
      organizationId: subject.organizationId,
      actorId: user.id,
      action: "object.restored",
      targetType: "object",
      targetId: id,
      after: { reference: row.reference, title: row.title },
      clientAddress,
    });
    return ok((await loadObjectView(tx, subject.organizationId, id))!);
  });
}

/**
 * Why nothing was restored. In the caller's trash but past 30 days, or at another version: said plainly (they could
 * restore it). Live and visible: it is not in the trash (someone restored it first). Anything else — unknown, out of
 * scope, below Full — is not_found, with the denial in the access log.
 */
async function whyNotRestored(
  tx: Executor,
  subject: AccessSubject,
  filter: VisibilityFilter,
  attempt: { id: string; version: number | undefined; clientAddress: string | null },
): Promise<Result<never>> {
  if (!filter.never) {
    const [trashed] = await tx
      .select({ version: objects.version, restorable: sql<boolean>`${withinTrashWindowSql}` })
      .from(objects)
      .where(and(eq(objects.id, attempt.id), filter.where));
    if (trashed && !trashed.restorable) return fail("not_found", "trash.errors.expired");
    if (trashed) return fail("conflict", staleObjectMessage);
  }
  const live = await authorizeObject(tx, subject, attempt.id, "view", { clientAddress: attempt.clientAddress });
  return live.ok ? fail("conflict", "trash.errors.notTrashed") : live;
}
