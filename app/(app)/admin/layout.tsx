import type { ReactNode } from "react";
import { enterPage } from "@/lib/gate/page-gate";

// Admin role only: for everyone else the admin panel does not exist (404, SPEC §2).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await enterPage({ name: "admin.view", capability: "administer" });
  return children;
}
