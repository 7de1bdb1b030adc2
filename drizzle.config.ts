import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema only; they are applied by the app at start (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  strict: true,
  verbose: true,
});
