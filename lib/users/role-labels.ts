import type { Role } from "@/db/schema";

export const roleLabels: Record<Role, string> = {
  shared_computer: "Shared computer",
  viewer: "Viewer",
  manager: "Manager",
  admin: "Admin",
};
