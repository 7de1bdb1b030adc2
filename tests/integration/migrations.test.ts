import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/config";
import { rowsOf } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { objects, objectScopeSites, propertyMaps, sites } from "@/db/schema";
import { appliedMigrationCount, publicColumns, publicTableNames, schemaTableNames } from "../fixtures/catalog";
import type { DatabaseHandle } from "../fixtures/database";
import { createEmptyDatabase } from "../fixtures/empty-database";
import { createTestOrganization } from "../fixtures/organizations";

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

/** A copy of the migrations folder whose journal stops after migration `last`. */
function migrationsUpTo(last: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-migrations-"));
  fs.cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= last);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe("migration 0006 on a database that holds data", () => {
  let deployment: DatabaseHandle;
  let upTo5: string;

  beforeAll(async () => {
    deployment = await createEmptyDatabase();
    upTo5 = migrationsUpTo(5);
  });

  afterAll(async () => {
    await deployment?.close();
    fs.rmSync(upTo5, { recursive: true, force: true });
  });

  it("numbers the sites and gives every object its property map and its scope sites by number", async () => {
    const db = deployment.db;
    await migrateDatabase(db, upTo5);
    const organization = await createTestOrganization(db, "Upgrade");
    // Raw statements: the schema's inserts would name the columns later migrations add.
    const [owner] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into users (organization_id, email, name, role) values (${organization.id}, ${`owner-${organization.id}@example.test`}, 'Owner', 'manager') returning id`),
    );
    // Distinct creation times: 0006 numbers existing sites in creation order, and two inserts can share a clock tick.
    let created = 0;
    const siteId = async (name: string) => {
      created += 1;
      const [row] = rowsOf<{ id: string }>(
        await db.execute(sql`insert into sites (organization_id, name, created_at) values (${organization.id}, ${name}, now() + ${created} * interval '1 second') returning id`),
      );
      return row!.id;
    };
    const [lyon, toulouse] = [await siteId("Lyon"), await siteId("Toulouse")];
    const objectId = async (number: number, type: "document" | "part", scopeKind: "sites" | "organization", properties: Record<string, string>) => {
      const [row] = rowsOf<{ id: string }>(
        await db.execute(sql`
          insert into objects (organization_id, type, number, reference, title, owner_id, created_by_id, scope_kind, properties)
          values (${organization.id}, ${type}, ${number}, ${`X-${number}`}, ${`Object ${number}`}, ${owner!.id}, ${owner!.id}, ${scopeKind}, ${JSON.stringify(properties)}::jsonb)
          returning id`),
      );
      return row!.id;
    };
    const first = await objectId(1, "document", "sites", { colour: "red" });
    const second = await objectId(2, "document", "sites", { colour: "red" });
    const third = await objectId(3, "part", "organization", { colour: "red" });
    await db.insert(objectScopeSites).values([
      { organizationId: organization.id, objectId: first, siteId: toulouse },
      { organizationId: organization.id, objectId: first, siteId: lyon },
      { organizationId: organization.id, objectId: second, siteId: toulouse },
    ]);

    await migrateDatabase(db);
    const numbers = await db.select({ id: sites.id, number: sites.number }).from(sites).where(eq(sites.organizationId, organization.id));
    expect(Object.fromEntries(numbers.map((row) => [row.id, row.number]))).toEqual({ [lyon]: 1, [toulouse]: 2 });
    const rows = await db
      .select({ id: objects.id, map: objects.propertyMapId, numbers: objects.scopeSiteNumbers, type: propertyMaps.type, properties: propertyMaps.properties })
      .from(objects)
      .innerJoin(propertyMaps, eq(propertyMaps.id, objects.propertyMapId))
      .where(eq(objects.organizationId, organization.id));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(first)!.map).toBe(byId.get(second)!.map);
    expect(byId.get(third)!.map).not.toBe(byId.get(first)!.map);
    expect(byId.get(third)).toMatchObject({ type: "part", properties: { colour: "red" }, numbers: [] });
    expect(byId.get(first)).toMatchObject({ type: "document", properties: { colour: "red" }, numbers: [1, 2] });
    expect(byId.get(second)!.numbers).toEqual([2]);
    expect(await siteId("Nantes")).toBeTruthy();
    const [nantes] = await db.select({ number: sites.number }).from(sites).where(eq(sites.name, "Nantes"));
    expect(nantes!.number).toBe(3);
  });
});

describe("migration 0008 on a database that holds rules named alike", () => {
  let deployment: DatabaseHandle;
  let upTo7: string;

  beforeAll(async () => {
    deployment = await createEmptyDatabase();
    upTo7 = migrationsUpTo(7);
  });

  afterAll(async () => {
    await deployment?.close();
    fs.rmSync(upTo7, { recursive: true, force: true });
  });

  it("keeps the first rule's name, tells the others apart by their id, then refuses another of the same name", async () => {
    const db = deployment.db;
    await migrateDatabase(db, upTo7);
    const organization = await createTestOrganization(db, "Upgrade");
    const rule = async (name: string, position: number) => {
      const [row] = rowsOf<{ id: string }>(
        await db.execute(sql`insert into access_rules (organization_id, name, level, users, objects, position)
          values (${organization.id}, ${name}, 'view', '{"all": true}'::jsonb, '{"types": []}'::jsonb, ${position}) returning id`),
      );
      return row!.id;
    };
    const [first, second, third, other] = [await rule("Lab A", 0), await rule("LAB a", 1), await rule("lab a", 2), await rule("Lab B", 3)];

    await migrateDatabase(db);
    const names = rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from access_rules where organization_id = ${organization.id}`));
    expect(Object.fromEntries(names.map((row) => [row.id, row.name]))).toEqual({
      [first]: "Lab A",
      [second]: `LAB a (${second.slice(0, 8)})`,
      [third]: `lab a (${third.slice(0, 8)})`,
      [other]: "Lab B",
    });
    await expect(rule("LAB B", 4)).rejects.toThrow();
  });
});
