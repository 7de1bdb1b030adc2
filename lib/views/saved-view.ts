import "server-only";
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { savedViews, type ObjectType, type ViewFilter, type ViewSort } from "@/db/schema";

/** A saved list view as the API answers it (API.md), with its owner (null for shared views) and row version. */
export interface SavedViewShape {
  id: string;
  name: string;
  objectType: ObjectType;
  shared: boolean;
  ownerId: string | null;
  columns: string[];
  filters: ViewFilter[];
  sort: ViewSort[];
  version: number;
}

const columns = {
  id: savedViews.id,
  name: savedViews.name,
  objectType: savedViews.objectType,
  shared: savedViews.shared,
  ownerId: savedViews.ownerId,
  columns: savedViews.columns,
  filters: savedViews.filters,
  sort: savedViews.sort,
  version: savedViews.version,
};

/** The views a user may see: the organisation's shared ones and their own personal ones — never another's. */
export function viewsVisibleTo(user: { id: string; organizationId: string }): SQL {
  return and(eq(savedViews.organizationId, user.organizationId), or(eq(savedViews.shared, true), eq(savedViews.ownerId, user.id)))!;
}

/** Views the user may see, by object type (the enum's order), shared ones first, then by name. */
export async function loadSavedViews(
  db: Executor,
  user: { id: string; organizationId: string },
  filter: { objectType?: ObjectType; shared?: boolean; id?: string } = {},
): Promise<SavedViewShape[]> {
  return db
    .select(columns)
    .from(savedViews)
    .where(
      and(
        viewsVisibleTo(user),
        filter.objectType ? eq(savedViews.objectType, filter.objectType) : undefined,
        filter.shared === undefined ? undefined : eq(savedViews.shared, filter.shared),
        filter.id ? eq(savedViews.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(savedViews.objectType), sql`${savedViews.shared} desc`, asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
}

export async function loadSavedView(db: Executor, user: { id: string; organizationId: string }, id: string): Promise<SavedViewShape | null> {
  const [view] = await loadSavedViews(db, user, { id });
  return view ?? null;
}
