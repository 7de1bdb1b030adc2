import "server-only";
import type { Executor } from "@/db/client";
import type { ObjectType } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { Locale } from "@/lib/i18n/locales";
import type { Result } from "@/lib/result";
import { listSiteChoices, type SiteChoice } from "@/lib/sites/list-site-choices";
import { loadSavedViews, type SavedViewShape } from "@/lib/views/saved-view";
import { listObjectPage, type ObjectListPage } from "./list-object-page";
import { objectListQueryOf, type SearchParams } from "./object-list-url";

export interface WorkspaceList {
  page: Result<ObjectListPage>;
  sites: SiteChoice[];
  views: SavedViewShape[];
}

// A screenful: 25 rows render in half the HTML of 50, and the list pages on by cursor.
const pageSize = 25;

/** Everything a workspace list page shows, from its URL: the page of objects, the site filter's sites, the saved views. */
export async function loadWorkspaceList(db: Executor, user: ActingUser, type: ObjectType, params: SearchParams, locale: Locale): Promise<WorkspaceList> {
  const [page, sites, views] = await Promise.all([
    listObjectPage(db, user, type, objectListQueryOf(params, pageSize), { locale }),
    listSiteChoices(db, user),
    loadSavedViews(db, user, { objectType: type }),
  ]);
  return { page, sites, views };
}
