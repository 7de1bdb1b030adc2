import type { ViewFilter, ViewSort } from "@/db/schema";
import type { ObjectListQuery, ObjectListSort } from "./list-object-page";

const viewSorts: Record<Exclude<ObjectListSort, "newest">, ViewSort> = {
  oldest: { field: "createdAt", direction: "asc" },
  updated: { field: "updatedAt", direction: "desc" },
  title: { field: "title", direction: "asc" },
  reference: { field: "reference", direction: "asc" },
};

export const personalViewColumns = ["reference", "title", "owner", "originSite", "updatedAt"];

/**
 * A list's current filters as a saved view's filters and sort. The owner, site, sort and custom property filters
 * carry over; the search text and the status do not (a view names fields every object has, and the status lives in
 * each type's own table), which the save form says.
 */
export function listQueryToView(query: ObjectListQuery, userId: string): { filters: ViewFilter[]; sort: ViewSort[] } {
  const filters: ViewFilter[] = [];
  if (query.owner) filters.push({ field: "owner", op: "eq", value: query.owner === "me" ? userId : query.owner });
  if (query.siteId) filters.push({ field: "originSite", op: "eq", value: query.siteId });
  for (const [propertyId, value] of Object.entries(query.properties ?? {})) {
    if (value.trim() !== "") filters.push({ field: `properties.${propertyId}`, op: "eq", value: value.trim() });
  }
  const sort = query.sort && query.sort !== "newest" ? [viewSorts[query.sort]] : [];
  return { filters, sort };
}
