import { sql, type SQL } from "drizzle-orm";

/*
 * Lists bound as one array parameter: a single bind value however long the list (`= any(…)`, `&&`, `unnest`,
 * indexing), where a JSON recordset would cost a parse of every element as JSON.
 */

/** Ids as one `uuid[]` parameter. */
export function uuidArray(ids: Iterable<string>): SQL {
  return sql`${`{${[...ids].join(",")}}`}::uuid[]`;
}

/** Integers (or nulls) as one `int[]` parameter. */
export function intArray(values: Iterable<number | null>): SQL {
  return sql`${`{${[...values].map((value) => (value === null ? "NULL" : String(value))).join(",")}}`}::int[]`;
}
