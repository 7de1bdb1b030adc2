import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/db/schema";
import { capabilities, roleAllows, rolesWithCapability, type Capability } from "@/lib/authz/roles";

// SPEC §2, copied row by row: columns Shared computer, Viewer, Manager, Admin.
const spec = `
| view objects, download files (subject to scope + rules) | ✓ | ✓ | ✓ | ✓ |
| comment in activity feeds | ✓ | ✓ | ✓ | ✓ |
| be assigned a workflow task, sign documents | ✗ | ✓ | ✓ | ✓ |
| receive notifications | ✗ | ✓ | ✓ | ✓ |
| create / edit objects, change sharing, validate revisions | ✗ | ✗ | ✓ | ✓ |
| launch and manage workflows, be responsible for a workflow or document | ✗ | ✗ | ✓ | ✓ |
| analytics dashboard | ✗ | ✗ | ✓ | ✓ |
| admin panel: users, sites, properties, views, access rules, watermarks, integrations | ✗ | ✗ | ✗ | ✓ |
| exports and integration logs | ✗ | ✗ | ✗ | ✓ |
| edit, cancel or delete any workflow (also others') | ✗ | ✗ | ✗ | ✓ |
`;
const columns: Role[] = ["shared_computer", "viewer", "manager", "admin"];

/** Which SPEC row each capability stands for. */
const rowOf: Record<Capability, string> = {
  view_objects: "view objects, download files (subject to scope + rules)",
  comment: "comment in activity feeds",
  be_assigned_tasks: "be assigned a workflow task, sign documents",
  receive_notifications: "receive notifications",
  edit_objects: "create / edit objects, change sharing, validate revisions",
  manage_workflows: "launch and manage workflows, be responsible for a workflow or document",
  view_analytics: "analytics dashboard",
  administer: "admin panel: users, sites, properties, views, access rules, watermarks, integrations",
  export: "exports and integration logs",
  manage_any_workflow: "edit, cancel or delete any workflow (also others')",
};

const oracle = new Map(
  spec
    .trim()
    .split("\n")
    .map((line) => {
      const cells = line.split("|").slice(1, -1).map((cell) => cell.trim());
      const [label = "", ...marks] = cells;
      return [label, new Map(columns.map((role, i) => [role, marks[i] === "✓"]))] as const;
    }),
);

describe("role capabilities (SPEC §2)", () => {
  it("parses the whole table: ten rows of four marks", () => {
    expect(oracle.size).toBe(10);
    for (const line of spec.trim().split("\n")) expect(line.match(/[✓✗]/g)).toHaveLength(4);
  });

  it("has exactly one capability per SPEC row, and one row per capability", () => {
    expect([...capabilities].sort()).toEqual(Object.keys(rowOf).sort());
    expect(Object.values(rowOf).sort()).toEqual([...oracle.keys()].sort());
  });

  it("knows every role of the schema, and no other", () => {
    expect([...roles].sort()).toEqual([...columns].sort());
  });

  for (const capability of capabilities) {
    for (const role of columns) {
      const expected = oracle.get(rowOf[capability])?.get(role);
      it(`${expected ? "grants" : "refuses"} ${capability} to ${role}`, () => {
        expect(expected).toBeTypeOf("boolean");
        expect(roleAllows(role, capability)).toBe(expected);
        expect(rolesWithCapability[capability].includes(role)).toBe(expected);
      });
    }
  }
});
