import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { pageOf, type ListPage } from "@/lib/properties/list-page";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { templateNotFoundMessage } from "./template-messages";
import { listTemplatesSchema, templateIdSchema, type ListTemplatesInput } from "./template-schemas";
import { loadTemplateView, loadTemplateViews, type TemplateView } from "./template-view";

/** The organisation's object templates, one page at a time (any signed-in user: the create forms offer them). */
export async function listTemplates(db: Executor, user: ActingUser, input: ListTemplatesInput): Promise<Result<ListPage<TemplateView>>> {
  const parsed = parseInput(listTemplatesSchema, input);
  if (!parsed.ok) return parsed;
  const views = await loadTemplateViews(db, user.organizationId, { objectType: parsed.data.objectType });
  return pageOf(views, parsed.data.limit, parsed.data.cursor);
}

/** One template; not_found for an unknown id or another organisation's. */
export async function getTemplate(db: Executor, user: ActingUser, input: { id: string }): Promise<Result<TemplateView>> {
  const id = templateIdSchema.safeParse(input.id);
  if (!id.success) return fail("not_found", templateNotFoundMessage);
  const view = await loadTemplateView(db, user.organizationId, id.data);
  return view ? ok(view) : fail("not_found", templateNotFoundMessage);
}
