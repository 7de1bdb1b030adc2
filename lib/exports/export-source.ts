import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";

/** One kind of export, ready to run: its header, how many rows it will have, and its rows as CSV cells in batches. */
export interface ExportSource {
  header: string[];
  count: () => Promise<number>;
  batches: () => AsyncGenerator<string[][]>;
}

/**
 * The organisation's site names by id, for the site columns of users and objects: a map the size of the site list
 * (a few hundred at most), never of the export.
 */
export async function siteNamesOf(db: Executor, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.organizationId, organizationId)).orderBy(asc(sites.name));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Site names of a list of ids, in alphabetical order, joined in one cell by the caller. */
export function namesOfSites(siteIds: readonly string[] | null, names: Map<string, string>): string[] {
  return (siteIds ?? []).flatMap((id) => (names.has(id) ? [names.get(id)!] : [])).sort((a, b) => a.localeCompare(b));
}
