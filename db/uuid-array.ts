import { sql, type SQL } from "drizzle-orm";

/** Ids as one `uuid[]` parameter: a single bind value however many ids there are (`= any(…)`, `&&`, indexing). */
export function uuidArray(ids: Iterable<string>): SQL {
  return sql`${`{${[...ids].join(",")}}`}::uuid[]`;
}
