import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dataDir, driverName, pgliteDir } from "@/db/config";

describe("database configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("uses PostgreSQL when DATABASE_URL is set, the embedded database otherwise", () => {
    vi.stubEnv("DATABASE_URL", "postgres://app@db.example:5432/atelier");
    expect(driverName()).toBe("postgres");
    vi.stubEnv("DATABASE_URL", "");
    expect(driverName()).toBe("pglite");
  });

  it("keeps the embedded database under ATELIER_DATA_DIR unless PGLITE_DIR says otherwise", () => {
    vi.stubEnv("ATELIER_DATA_DIR", "/srv/atelier");
    vi.stubEnv("PGLITE_DIR", undefined);
    expect(dataDir()).toBe(path.resolve("/srv/atelier"));
    expect(pgliteDir()).toBe(path.join(path.resolve("/srv/atelier"), "pglite"));
    vi.stubEnv("PGLITE_DIR", "memory://");
    expect(pgliteDir()).toBe("memory://");
  });
});
