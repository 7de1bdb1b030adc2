import type { Metadata } from "next";
import { NewUserForm } from "@/components/admin/users/new-user-form";
import { enterPage } from "@/lib/gate/page-gate";
import { loadUserFormOptions } from "@/lib/users/user-form-options";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const { user, db } = await enterPage({ name: "users.create", capability: "administer" });
  const options = await loadUserFormOptions(db, user);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: "Admin", href: "/admin" }, { label: "Users", href: "/admin/users" }, { label: "New user" }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">New user</h1>
        <p className="mt-1 text-sm text-gray-600">
          A personal account or a shared shop-floor computer. Integration accounts are made under Integrations.
        </p>
      </div>
      <NewUserForm options={options} />
    </div>
  );
}
