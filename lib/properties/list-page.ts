import { decodeCursorText, encodeCursorText, invalidCursorMessage } from "@/lib/pagination/cursor-text";
import { fail, ok, type Result } from "@/lib/result";

/** A page of a list (API.md): the items and the cursor of the next page, null on the last one. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * One page of a short, already ordered list (property definitions, templates, saved views: a few hundred per
 * organisation at most). The cursor names the last item of the previous page by id, so a page never repeats or
 * skips an item that was there before, whatever was added meanwhile.
 */
export function pageOf<T extends { id: string }>(items: readonly T[], limit: number, cursor: string | undefined): Result<ListPage<T>> {
  let start = 0;
  if (cursor !== undefined && cursor !== "") {
    const afterId = decodeCursorText(cursor);
    const index = afterId === null ? -1 : items.findIndex((item) => item.id === afterId);
    if (index < 0) return fail("invalid", "errors.fieldsNeedAttention", { cursor: invalidCursorMessage });
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length;
  return ok({ items: page, nextCursor: more && last ? encodeCursorText(last.id) : null });
}
