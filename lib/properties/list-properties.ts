import "server-only";
import type { Executor } from "@/db/client";
import type { ActingUser } from "@/lib/auth/acting-user";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation/parse-input";
import { pageOf, type ListPage } from "./list-page";
import { propertyNotFoundMessage } from "./property-messages";
import { listPropertiesSchema, propertyIdSchema, type ListPropertiesInput } from "./property-schemas";
import { loadPropertyView, loadPropertyViews, type PropertyView } from "./property-view";

/**
 * The organisation's property definitions, one page at a time (any signed-in user: object and user forms need
 * them). Ordered by target (users, then each object type), position and name.
 */
export async function listProperties(db: Executor, user: ActingUser, input: ListPropertiesInput): Promise<Result<ListPage<PropertyView>>> {
  const parsed = parseInput(listPropertiesSchema, input);
  if (!parsed.ok) return parsed;
  const views = await loadPropertyViews(db, user.organizationId, { appliesTo: parsed.data.appliesTo });
  return pageOf(views, parsed.data.limit, parsed.data.cursor);
}

/** One definition; not_found for an unknown id or another organisation's. */
export async function getProperty(db: Executor, user: ActingUser, input: { id: string }): Promise<Result<PropertyView>> {
  const id = propertyIdSchema.safeParse(input.id);
  if (!id.success) return fail("not_found", propertyNotFoundMessage);
  const view = await loadPropertyView(db, user.organizationId, id.data);
  return view ? ok(view) : fail("not_found", propertyNotFoundMessage);
}
