import "server-only";
import type { Database } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { recordViewChange } from "./record-view-change";
import { loadSavedView, type SavedViewShape } from "./saved-view";
import { validateViewConfig } from "./validate-view-config";
import { viewNameTaken } from "./view-name-taken";
import { sharedViewsAdminOnlyMessage } from "./view-messages";
import { createViewSchema, type CreateViewInput } from "./view-schemas";

/**
 * Saves a list view of one object type: shared with everyone (Admins only) or personal (anyone, for themselves).
 * Columns, filters and sort are checked against the type's fields. A view never grants: it narrows a list the
 * visibility predicate has already decided.
 */
export async function createView(
  db: Database,
  actor: ActingUser,
  input: CreateViewInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<SavedViewShape>> {
  const parsed = parseInput(createViewSchema, input);
  if (!parsed.ok) return parsed;
  const { name, objectType, shared, columns, filters, sort } = parsed.data;
  if (shared && !roleAllows(actor.role, "administer")) return fail("forbidden", sharedViewsAdminOnlyMessage);
  const organizationId = actor.organizationId;

  return db.transaction(async (tx) => {
    const checked = await validateViewConfig(tx, organizationId, objectType, { columns, filters, sort });
    const taken = await viewNameTaken(tx, { organizationId, objectType, shared, ownerId: actor.id, name });
    if (!checked.ok || taken) {
      return fail("invalid", "errors.fieldsNeedAttention", { ...(checked.ok ? {} : checked.error.fields), ...(taken ? { name: taken } : {}) });
    }
    const [row] = await tx
      .insert(savedViews)
      .values({
        organizationId,
        objectType,
        name,
        shared,
        ownerId: shared ? null : actor.id,
        columns: checked.data.columns ?? [],
        filters: checked.data.filters ?? [],
        sort: checked.data.sort ?? [],
      })
      .returning({ id: savedViews.id });
    if (!row) throw new Error("insert returned no view");
    const view = await loadSavedView(tx, actor, row.id);
    if (!view) throw new Error("a created view vanished");
    await recordViewChange(tx, actor, shared, { action: "view.created", targetType: "saved_view", targetId: view.id, after: view }, context.clientAddress);
    return ok(view);
  });
}
