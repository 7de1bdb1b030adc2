import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Database } from "@/db/client";
import { authzContextFor, cachedAuthzVersion } from "@/lib/authz/authz-context";
import { bumpAuthzVersion } from "@/lib/authz/bump-authz-version";
import { listenForAuthzChanges } from "@/lib/authz/listen-for-authz-changes";
import { createTestOrganization } from "../fixtures/organizations";

// SPEC §9: a change to rules, memberships, roles, teams or property values bumps the organisation's authorization
// version and announces it with NOTIFY, so every instance drops its cached context at once.

async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe("the authorization-version listener", () => {
  let db: Database;

  beforeAll(async () => {
    db = await getDb();
    await listenForAuthzChanges();
  });

  it("drops the organisation's cached context when a newer version is announced, after commit only", async () => {
    const organization = await createTestOrganization(db, "Listener");
    const other = await createTestOrganization(db, "Bystander");
    await authzContextFor(db, organization.id, 1);
    await authzContextFor(db, other.id, 1);
    expect(cachedAuthzVersion(organization.id)).toBe(1);

    // A rolled-back change announces nothing.
    await db
      .transaction(async (tx) => {
        await bumpAuthzVersion(tx, organization.id);
        throw new Error("roll back");
      })
      .catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cachedAuthzVersion(organization.id)).toBe(1);

    await db.transaction((tx) => bumpAuthzVersion(tx, organization.id));
    expect(await eventually(() => cachedAuthzVersion(organization.id) === null)).toBe(true);
    expect(cachedAuthzVersion(other.id)).toBe(1);
  });
});
