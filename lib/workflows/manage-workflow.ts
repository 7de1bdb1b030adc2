import type { Role } from "@/db/schema";
import { roleAllows } from "@/lib/authz/roles";

/**
 * SPEC §2: Admins may edit, start, cancel or delete any workflow they can see, the responsible Manager their own.
 * Seeing the workflow is decided before (not_found otherwise); this is the part that answers forbidden.
 */
export function mayManageWorkflow(user: { id: string; role: Role }, workflow: { responsibleId: string }): boolean {
  if (roleAllows(user.role, "manage_any_workflow")) return true;
  return roleAllows(user.role, "manage_workflows") && workflow.responsibleId === user.id;
}
