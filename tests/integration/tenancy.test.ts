import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf, type Database } from "@/db/client";
import { publicTableNames } from "../fixtures/catalog";

/** The only tables without an organization_id: the tenant root itself and deployment-wide state. */
const tablesWithoutTenant = ["app_meta", "organizations", "scheduled_jobs", "sign_in_throttles"];

interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
}

async function foreignKeys(db: Database): Promise<ForeignKey[]> {
  // Column lists travel as text joined by commas: both drivers return text the same way.
  const result = await db.execute(sql`
    select c.conname::text as name, t.relname::text as "table", f.relname::text as "foreignTable",
      (select string_agg(a.attname::text, ',' order by k.i) from unnest(c.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
      (select string_agg(a.attname::text, ',' order by k.i) from unnest(c.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as "foreignColumns"
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class f on f.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = 'public'
    order by 1`);
  return rowsOf<{ name: string; table: string; foreignTable: string; columns: string; foreignColumns: string }>(
    result,
  ).map((row) => ({ ...row, columns: row.columns.split(","), foreignColumns: row.foreignColumns.split(",") }));
}

describe("tenancy", () => {
  let db: Database;
  let tables: string[];

  beforeAll(async () => {
    db = await getDb();
    tables = await publicTableNames(db);
  });

  it("keeps the allow-list honest: every table on it exists", () => {
    expect(tables).toEqual(expect.arrayContaining(tablesWithoutTenant));
  });

  it("gives every other table a NOT NULL organization_id", async () => {
    const result = await db.execute(sql`
      select table_name::text as name from information_schema.columns
      where table_schema = 'public' and column_name = 'organization_id' and is_nullable = 'NO'`);
    const tenantTables = new Set(rowsOf<{ name: string }>(result).map((row) => row.name));
    const missing = tables.filter((table) => !tablesWithoutTenant.includes(table) && !tenantTables.has(table));
    expect(missing).toEqual([]);
    // An allow-listed table that has grown an organization_id belongs among the tenant tables.
    expect(tablesWithoutTenant.filter((table) => tenantTables.has(table))).toEqual([]);
  });

  it("carries organization_id through every foreign key between tenant tables", async () => {
    const keys = await foreignKeys(db);
    expect(keys.length).toBeGreaterThan(0);
    const offenders = keys
      .filter((key) => !tablesWithoutTenant.includes(key.table))
      .filter((key) => {
        if (key.foreignTable === "organizations") {
          return key.columns.join() !== "organization_id" || key.foreignColumns.join() !== "id";
        }
        if (tablesWithoutTenant.includes(key.foreignTable)) return true;
        const position = key.columns.indexOf("organization_id");
        return position === -1 || key.foreignColumns[position] !== "organization_id";
      })
      .map((key) => `${key.name}: ${key.table}(${key.columns.join()}) → ${key.foreignTable}(${key.foreignColumns.join()})`);
    expect(offenders).toEqual([]);
  });
});
