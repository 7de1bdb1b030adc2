import { describe, expect, it } from "vitest";
import { roleCeilings, roleStopsBelow } from "@/lib/authz/role-ceilings";

describe("role ceilings", () => {
  it("stop Viewers and shared computers at View (download, sign, comment) and let Managers and Admins use Full access", () => {
    expect(roleCeilings).toEqual({ shared_computer: "view", viewer: "view", manager: "full", admin: "full" });
  });

  it("say where a role stops below a level it is granted, and nothing when it may use all of it", () => {
    expect(roleStopsBelow("viewer", "modify")).toBe("view");
    expect(roleStopsBelow("shared_computer", "full")).toBe("view");
    expect(roleStopsBelow("viewer", "view")).toBeNull();
    expect(roleStopsBelow("manager", "full")).toBeNull();
  });
});
