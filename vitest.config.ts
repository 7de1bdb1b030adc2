import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Each integration worker opens one database and migrates it once (a fresh PGlite costs ≈ 3 s), so integration
// files share their worker's module graph (isolate: false) and each test makes its own organisation instead.
const integration = {
  include: ["tests/integration/**/*.test.ts"],
  isolate: false,
  setupFiles: ["tests/setup/worker-database.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  resolve: {
    alias: [
      // "server-only" throws outside Next's react-server condition; in tests it is only a marker.
      { find: /^server-only$/, replacement: `${root}tests/setup/server-only-stub.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    // next-auth imports `next/server` without an extension, which only resolves through Vite's pipeline.
    server: { deps: { inline: ["next-auth"] } },
    pool: "forks",
    // Two cores: one worker per core, and the projects run one after the other (sequence.groupOrder).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { ...integration, name: "pglite", sequence: { groupOrder: 1 }, globalSetup: ["tests/setup/data-dir.ts"], provide: { testDatabase: null } },
      },
      {
        extends: true,
        test: { ...integration, name: "postgres", sequence: { groupOrder: 2 }, globalSetup: ["tests/setup/data-dir.ts", "tests/setup/postgres-database.ts"] },
      },
    ],
  },
});
