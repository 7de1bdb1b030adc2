import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { organizations, users } from "@/db/schema";
import { createOrganization } from "@/lib/organizations/create-organization";
import { uniqueEmail } from "../fixtures/organizations";
import { dataOf } from "../fixtures/results";

describe("createOrganization", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
  });

  it("refuses an admin e-mail already in use, whatever its case, as a conflict", async () => {
    const email = uniqueEmail("admin");
    const first = dataOf(await createOrganization(db, { name: `First ${randomUUID()}`, adminEmail: email }));

    const secondName = `Second ${randomUUID()}`;
    const second = await createOrganization(db, { name: secondName, adminEmail: email.toUpperCase() });
    expect(second).toMatchObject({ ok: false, error: { code: "conflict" } });

    // The failed attempt left nothing behind, and the first organisation's admin is still the only holder.
    const leftovers = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, secondName));
    expect(leftovers).toEqual([]);
    const holders = await db
      .select({ organizationId: users.organizationId })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    expect(holders).toEqual([{ organizationId: first.organization.id }]);
  });
});
