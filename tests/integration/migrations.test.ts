import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { appliedMigrationCount, publicColumns, publicTableNames, schemaTableNames } from "../fixtures/catalog";
import type { DatabaseHandle } from "../fixtures/database";
import { createEmptyDatabase } from "../fixtures/empty-database";

function journalEntryCount(): number {
  const journal = JSON.parse(fs.readFileSync(`${migrationsFolder()}/meta/_journal.json`, "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

describe("migrations on an empty database", () => {
  let empty: DatabaseHandle;

  beforeAll(async () => {
    empty = await createEmptyDatabase();
  });

  afterAll(async () => {
    await empty?.close();
  });

  it("create every table of the schema, then a second run changes nothing", async () => {
    expect(await publicTableNames(empty.db)).toEqual([]);

    await migrateDatabase(empty.db);
    const tables = await publicTableNames(empty.db);
    expect(tables).toEqual(schemaTableNames());
    const columns = await publicColumns(empty.db);
    expect(await appliedMigrationCount(empty.db)).toBe(journalEntryCount());

    await migrateDatabase(empty.db);
    expect(await publicTableNames(empty.db)).toEqual(tables);
    expect(await publicColumns(empty.db)).toEqual(columns);
    expect(await appliedMigrationCount(empty.db)).toBe(journalEntryCount());
  });
});
