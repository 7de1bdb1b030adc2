import { redirect } from "next/navigation";
import { enterPage } from "@/lib/gate/page-gate";

export default async function AdminHome() {
  await enterPage({ name: "admin.view", capability: "administer" });
  redirect("/admin/users");
}
