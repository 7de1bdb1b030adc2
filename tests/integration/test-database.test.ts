import { sql } from "drizzle-orm";
import { describe, expect, it, inject } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { driverName } from "@/db/config";
import { databaseNameOf } from "../fixtures/database";

// Guards the set-up itself: a project that silently fell back to the other driver would test nothing new.
describe("the project's database", () => {
  it("is the driver and database the project promises", async () => {
    const testDatabase = inject("testDatabase");
    const result = await (await getDb()).execute(sql`select current_database()::text as name`);
    const current = rowsOf<{ name: string }>(result)[0]?.name;
    if (testDatabase) {
      expect(driverName()).toBe("postgres");
      expect(current).toBe(databaseNameOf(testDatabase.url));
    } else {
      expect(driverName()).toBe("pglite");
      expect(process.env.PGLITE_DIR).toBe("memory://");
      expect(current).toBe("postgres");
    }
  });
});
