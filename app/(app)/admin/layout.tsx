import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { enterPage } from "@/lib/gate/page-gate";

// Admin role only: for everyone else the admin panel does not exist (404, SPEC §2).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await enterPage({ name: "admin.view", capability: "administer" });
  const t = await getTranslations("admin");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm font-medium text-gray-600">{t("eyebrow")}</p>
        <AdminNav />
      </div>
      {children}
    </div>
  );
}
