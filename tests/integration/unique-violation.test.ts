import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { asUniqueViolation } from "@/db/errors";
import { sites } from "@/db/schema";
import { createTestOrganization } from "../fixtures/organizations";

/** The error a write rejects with, or null when it succeeds. */
async function errorOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("a unique-constraint violation", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("surfaces as a typed error naming the constraint, and the database keeps working", async () => {
    const organization = await createTestOrganization(db);
    await db.insert(sites).values({ organizationId: organization.id, name: "Toulouse" });

    const error = await errorOf(db.insert(sites).values({ organizationId: organization.id, name: "TOULOUSE" }));
    expect(error).not.toBeNull();
    expect(asUniqueViolation(error)).toMatchObject({ constraint: "sites_org_name_unique" });

    await db.insert(sites).values({ organizationId: organization.id, name: "Lyon" });
    const names = await db.select({ name: sites.name }).from(sites).where(eq(sites.organizationId, organization.id));
    expect(names.map((site) => site.name).sort()).toEqual(["Lyon", "Toulouse"]);
  });

  it("is per organisation: another organisation may use the same site name", async () => {
    const first = await createTestOrganization(db);
    const second = await createTestOrganization(db);
    await db.insert(sites).values({ organizationId: first.id, name: "Montréal" });
    await db.insert(sites).values({ organizationId: second.id, name: "montréal" });
    const rows = await db
      .select({ id: sites.id })
      .from(sites)
      .where(and(eq(sites.organizationId, second.id), eq(sites.name, "montréal")));
    expect(rows).toHaveLength(1);
  });

  it("is told apart from other constraint errors", async () => {
    const error = await errorOf(db.insert(sites).values({ organizationId: randomUUID(), name: "Nowhere" }));
    expect(error).not.toBeNull();
    expect(asUniqueViolation(error)).toBeNull();
  });
});
