import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, environmentProblems } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");

describe("the settings (lib/env.ts)", () => {
  it("gives the documented defaults when nothing is set", () => {
    const parsed = envSchema.parse({});
    expect(parsed).toMatchObject({ PORT: 3000, SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12, SEED_DEMO: true, DATABASE_POOL_SIZE: 10, SSO_CLAIMS_SOURCE: "userinfo" });
    expect(parsed.DATABASE_URL).toBeUndefined();
  });

  it("takes an empty value as unset", () => {
    expect(envSchema.parse({ SESSION_IDLE_MINUTES: "", AUTH_URL: " " })).toMatchObject({ SESSION_IDLE_MINUTES: 30, AUTH_URL: undefined });
  });

  it("names every malformed variable", () => {
    const problems = environmentProblems({ SESSION_IDLE_MINUTES: "abc", PORT: "70000", AUTH_URL: "atelier.example.com", SEED_DEMO: "yes" });
    expect(problems).toHaveLength(4);
    expect(problems!.join("\n")).toMatch(/^SESSION_IDLE_MINUTES="abc" is not valid: expected a positive number\.$/m);
    expect(problems!.join("\n")).toMatch(/^PORT="70000"/m);
    expect(problems!.join("\n")).toMatch(/^AUTH_URL="atelier.example.com" is not valid: expected an http:\/\/ or https:\/\/ address\.$/m);
    expect(problems!.join("\n")).toMatch(/^SEED_DEMO="yes"/m);
    expect(environmentProblems({ SESSION_IDLE_MINUTES: "45", DATABASE_URL: "postgres://u@h:5432/db" })).toBeNull();
  });

  it("is the only reader of process.env in the app's modules", () => {
    // The framework's own runtime flag is read where Next documents it; it is no setting.
    const allowed = new Set(["lib/env.ts", "instrumentation.ts"]);
    const files = ["app", "components", "db", "lib"].flatMap((dir) => listSources(path.join(root, dir)));
    const readers = [...files, path.join(root, "proxy.ts"), path.join(root, "instrumentation.ts")]
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) => !allowed.has(file) && /process\.env/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(readers).toEqual([]);
  });
});

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : listSources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}
