import { getTranslations } from "next-intl/server";
import { enterPage } from "@/lib/gate/page-gate";

// Being built (#16, #19): the tab exists so the admin panel's shape is final.
export default async function AdminPendingPage() {
  await enterPage({ name: "integrations.list", capability: "administer" });
  const t = await getTranslations("admin.nav");
  return <h1 className="text-2xl font-semibold tracking-tight">{t("integrations")}</h1>;
}
