import type { Role } from "@/db/schema";

/** What a role may ever do (SPEC §2), whatever the object. */
export const capabilities = [
  "view_objects",
  "comment",
  "be_assigned_tasks",
  "receive_notifications",
  "edit_objects",
  "manage_workflows",
  "view_analytics",
  "administer",
  "export",
  "manage_any_workflow",
] as const;
export type Capability = (typeof capabilities)[number];

const everyone: readonly Role[] = ["shared_computer", "viewer", "manager", "admin"];
const viewerUp: readonly Role[] = ["viewer", "manager", "admin"];
const managerUp: readonly Role[] = ["manager", "admin"];
const adminOnly: readonly Role[] = ["admin"];

/** SPEC §2 as one typed map: the roles that hold each capability. */
export const rolesWithCapability: Record<Capability, readonly Role[]> = {
  view_objects: everyone,
  comment: everyone,
  be_assigned_tasks: viewerUp,
  receive_notifications: viewerUp,
  edit_objects: managerUp,
  manage_workflows: managerUp,
  view_analytics: managerUp,
  administer: adminOnly,
  export: adminOnly,
  manage_any_workflow: adminOnly,
};

export function roleAllows(role: Role, capability: Capability): boolean {
  return rolesWithCapability[capability].includes(role);
}
