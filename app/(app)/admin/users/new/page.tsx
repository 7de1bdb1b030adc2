import type { Metadata } from "next";
import Link from "next/link";
import { NewUserForm } from "@/components/admin/users/new-user-form";
import { enterPage } from "@/lib/gate/page-gate";
import { loadUserFormOptions } from "@/lib/users/user-form-options";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  const { user, db } = await enterPage({ name: "users.create", capability: "administer" });
  const options = await loadUserFormOptions(db, user);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-gray-500">
          <Link href="/admin" className="hover:underline">
            Admin
          </Link>{" "}
          /{" "}
          <Link href="/admin/users" className="hover:underline">
            Users
          </Link>{" "}
          / New
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">New user</h1>
        <p className="mt-1 text-sm text-gray-600">
          A personal account or a shared shop-floor computer. Integration accounts are made under Integrations.
        </p>
      </div>
      <NewUserForm options={options} />
    </div>
  );
}
