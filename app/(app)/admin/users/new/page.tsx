import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { NewUserForm } from "@/components/admin/users/new-user-form";
import { enterPage } from "@/lib/gate/page-gate";
import { loadUserFormOptions } from "@/lib/users/user-form-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("new.title") };
}

export default async function NewUserPage() {
  const { user, db } = await enterPage({ name: "users.create", capability: "administer" });
  const [options, t, tAdmin] = await Promise.all([loadUserFormOptions(db, user), getTranslations("adminUsers"), getTranslations("admin")]);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title"), href: "/admin/users" }, { label: t("new.title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">{t("new.title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("new.intro")}</p>
      </div>
      <NewUserForm options={options} />
    </div>
  );
}
