import type { ObjectListQuery } from "./list-object-page";

export type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const plainKeys = ["q", "siteId", "status", "owner", "view", "sort", "cursor"] as const;
/** Custom property filters travel as `p.<propertyId>=value`. */
const propertyPrefix = "p.";

/** A workspace list's URL parameters as the list service's query (only the parameters lists know; empty ones unset). */
export function objectListQueryOf(params: SearchParams, limit: number): ObjectListQuery {
  const query: Record<string, unknown> = { limit };
  for (const key of plainKeys) {
    const value = first(params[key])?.trim();
    if (value) query[key] = value;
  }
  const properties = Object.fromEntries(
    Object.entries(params)
      .filter(([key]) => key.startsWith(propertyPrefix))
      .map(([key, value]) => [key.slice(propertyPrefix.length), first(value) ?? ""])
      .filter(([, value]) => value !== ""),
  );
  if (Object.keys(properties).length > 0) query.properties = properties;
  return query as ObjectListQuery;
}

/** The list's URL with some parameters changed (undefined removes one); paging links keep every filter. */
export function objectListHref(path: string, params: SearchParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = first(value);
    if (text && !(key in changes)) next.set(key, text);
  }
  for (const [key, value] of Object.entries(changes)) if (value) next.set(key, value);
  const text = next.toString();
  return text ? `${path}?${text}` : path;
}

export function propertyParam(propertyId: string): string {
  return `${propertyPrefix}${propertyId}`;
}

export function firstParam(params: SearchParams, key: string): string | undefined {
  return first(params[key]);
}
