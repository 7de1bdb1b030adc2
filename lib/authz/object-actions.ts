import type { AccessLevel } from "@/db/schema";
import type { Capability } from "./roles";

/** What a user can do to an object (SPEC §4's table), each with the level it needs and the role capability. */
export const objectActions = [
  "view",
  "comment",
  "download",
  "edit",
  "link",
  "upload_revision",
  "change_scope",
  "validate_revision",
  "delete",
  "manage_workflows",
  "be_assigned",
  "sign",
] as const;
export type ObjectAction = (typeof objectActions)[number];

export const objectActionRequirements: Record<ObjectAction, { level: AccessLevel; capability: Capability }> = {
  view: { level: "view_no_download", capability: "view_objects" },
  comment: { level: "view_no_download", capability: "comment" },
  download: { level: "view", capability: "view_objects" },
  edit: { level: "modify", capability: "edit_objects" },
  link: { level: "modify", capability: "edit_objects" },
  upload_revision: { level: "modify", capability: "edit_objects" },
  change_scope: { level: "modify", capability: "edit_objects" },
  validate_revision: { level: "full", capability: "edit_objects" },
  delete: { level: "full", capability: "edit_objects" },
  manage_workflows: { level: "full", capability: "manage_workflows" },
  be_assigned: { level: "view", capability: "be_assigned_tasks" },
  sign: { level: "view", capability: "be_assigned_tasks" },
};
