import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { pageOf, type ListPage } from "@/lib/properties/list-page";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { loadSavedView, loadSavedViews, type SavedViewShape } from "./saved-view";
import { viewNotFoundMessage } from "./view-messages";
import { listViewsSchema, viewIdSchema, type ListViewsInput } from "./view-schemas";

/** The shared views and the caller's own personal ones (never another user's), one page at a time. */
export async function listViews(db: Executor, user: ActingUser, input: ListViewsInput): Promise<Result<ListPage<SavedViewShape>>> {
  const parsed = parseInput(listViewsSchema, input);
  if (!parsed.ok) return parsed;
  const { objectType, shared, limit, cursor } = parsed.data;
  const views = await loadSavedViews(db, user, { objectType, shared: shared === undefined ? undefined : shared === "true" });
  return pageOf(views, limit, cursor);
}

/** One view the caller may see; not_found for another user's personal view, an unknown id or another organisation's. */
export async function getView(db: Executor, user: ActingUser, input: { id: string }): Promise<Result<SavedViewShape>> {
  const id = viewIdSchema.safeParse(input.id);
  if (!id.success) return fail("not_found", viewNotFoundMessage);
  const view = await loadSavedView(db, user, id.data);
  return view ? ok(view) : fail("not_found", viewNotFoundMessage);
}
