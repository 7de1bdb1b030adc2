import { describe, expect, it } from "vitest";
import { asUniqueViolation } from "@/db/errors";

describe("asUniqueViolation", () => {
  it("reads the constraint PGlite reports as `constraint`", () => {
    const error = Object.assign(new Error("duplicate key"), { code: "23505", constraint: "sites_org_name_unique", detail: "Key exists." });
    expect(asUniqueViolation(error)).toEqual({ constraint: "sites_org_name_unique", detail: "Key exists." });
  });

  it("reads the constraint postgres.js reports as `constraint_name`", () => {
    const error = Object.assign(new Error("duplicate key"), { code: "23505", constraint_name: "users_email_lower_unique" });
    expect(asUniqueViolation(error)).toEqual({ constraint: "users_email_lower_unique", detail: null });
  });

  it("finds the database error drizzle wraps in `cause`", () => {
    const cause = Object.assign(new Error("duplicate key"), { code: "23505", constraint: "teams_org_name_unique" });
    const error = new Error("Failed query: insert into teams …", { cause });
    expect(asUniqueViolation(error)?.constraint).toBe("teams_org_name_unique");
  });

  it("returns null for other database errors and for things that are not database errors", () => {
    expect(asUniqueViolation(Object.assign(new Error("fk"), { code: "23503", constraint: "sites_org_fk" }))).toBeNull();
    expect(asUniqueViolation(Object.assign(new Error("node"), { code: "ECONNREFUSED" }))).toBeNull();
    expect(asUniqueViolation(new Error("plain"))).toBeNull();
    expect(asUniqueViolation("23505")).toBeNull();
    expect(asUniqueViolation(null)).toBeNull();
  });
});
