import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { recordViewChange } from "./record-view-change";
import { loadSavedView, viewsVisibleTo, type SavedViewShape } from "./saved-view";
import { validateViewConfig } from "./validate-view-config";
import { viewNameTaken } from "./view-name-taken";
import { sharedViewsAdminOnlyMessage, staleViewMessage, viewNotFoundMessage } from "./view-messages";
import { updateViewSchema, type UpdateViewInput } from "./view-schemas";

/**
 * Edits a saved view: a shared one (Admins), or the caller's own personal one. Another user's personal view does not
 * exist for the caller (not_found, Admins included). An Admin may share a personal view of theirs (it then belongs to
 * nobody) or make a shared one personal (it becomes theirs). The object type never changes. Refused as stale when
 * the view changed since `version`.
 */
export async function updateView(
  db: Database,
  actor: ActingUser,
  input: UpdateViewInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SavedViewShape>> {
  const parsed = parseInput(updateViewSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, name, shared, columns, filters, sort, objectType } = parsed.data;
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(and(viewsVisibleTo(actor), eq(savedViews.id, id)))
      .for("update");
    const current = locked ? await loadSavedView(tx, actor, id) : null;
    if (!current) return fail("not_found", viewNotFoundMessage);
    const nextShared = shared ?? current.shared;
    if ((current.shared || nextShared) && !roleAllows(actor.role, "administer")) return fail("forbidden", sharedViewsAdminOnlyMessage);
    if (current.version !== version) return fail("conflict", staleViewMessage);

    const fields: Record<string, string> = {};
    if (objectType !== undefined && objectType !== current.objectType) {
      fields.objectType = "adminViews.errors.objectTypeChange";
    }
    const checked = await validateViewConfig(tx, organizationId, current.objectType, { columns, filters, sort });
    if (!checked.ok) Object.assign(fields, checked.error.fields);
    const nextName = name ?? current.name;
    const taken = await viewNameTaken(tx, { organizationId, objectType: current.objectType, shared: nextShared, ownerId: actor.id, name: nextName, exceptId: id });
    if (taken) fields.name = taken;
    if (Object.keys(fields).length > 0 || !checked.ok) return fail("invalid", "errors.fieldsNeedAttention", fields);

    await tx
      .update(savedViews)
      .set({
        name: nextName,
        shared: nextShared,
        ownerId: nextShared ? null : (current.ownerId ?? actor.id),
        ...(checked.data.columns ? { columns: checked.data.columns } : {}),
        ...(checked.data.filters ? { filters: checked.data.filters } : {}),
        ...(checked.data.sort ? { sort: checked.data.sort } : {}),
        version: sql`${savedViews.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(savedViews.organizationId, organizationId), eq(savedViews.id, id), eq(savedViews.version, version)));
    const updated = await loadSavedView(tx, actor, id);
    if (!updated) throw new Error("an updated view vanished");
    await recordViewChange(
      tx,
      actor,
      current.shared || updated.shared,
      { action: "view.updated", targetType: "saved_view", targetId: id, before: current, after: updated },
      context.clientAddress,
    );
    return ok(updated);
  });
}
