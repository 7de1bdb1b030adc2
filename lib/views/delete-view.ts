import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { savedViews } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import { roleAllows } from "@/lib/authz/roles";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { recordViewChange } from "./record-view-change";
import { loadSavedView, viewsVisibleTo } from "./saved-view";
import { sharedViewsAdminOnlyMessage, staleViewMessage, viewNotFoundMessage } from "./view-messages";
import { deleteViewSchema, type DeleteViewInput } from "./view-schemas";

/** Deletes a shared view (Admins) or the caller's own personal one; another user's personal view is not_found. */
export async function deleteView(
  db: Database,
  actor: ActingUser,
  input: DeleteViewInput,
  context: { clientAddress?: string | null } = {},
): Promise<Result<{ id: string }>> {
  const parsed = parseInput(deleteViewSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version } = parsed.data;

  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: savedViews.id }).from(savedViews).where(and(viewsVisibleTo(actor), eq(savedViews.id, id))).for("update");
    const current = locked ? await loadSavedView(tx, actor, id) : null;
    if (!current) return fail("not_found", viewNotFoundMessage);
    if (current.shared && !roleAllows(actor.role, "administer")) return fail("forbidden", sharedViewsAdminOnlyMessage);
    if (version !== undefined && current.version !== version) return fail("conflict", staleViewMessage);
    await tx.delete(savedViews).where(and(eq(savedViews.organizationId, actor.organizationId), eq(savedViews.id, id)));
    await recordViewChange(tx, actor, current.shared, { action: "view.deleted", targetType: "saved_view", targetId: id, before: current }, context.clientAddress);
    return ok({ id });
  });
}
