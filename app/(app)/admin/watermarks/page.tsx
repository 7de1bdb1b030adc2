import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminBreadcrumbs } from "@/components/admin/sites/admin-page-parts";
import { WatermarkForm } from "@/components/admin/watermarks/watermark-form";
import { WatermarkList } from "@/components/admin/watermarks/watermark-list";
import { objectTypes } from "@/db/schema/enums";
import { enterPage } from "@/lib/gate/page-gate";
import { loadWatermarksPage } from "@/lib/watermarks/load-watermarks-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminWatermarks"))("title") };
}

export default async function AdminWatermarksPage() {
  const { user, db } = await enterPage({ name: "watermarks.list", capability: "administer" });
  const [loaded, t, tAdmin, tCommon] = await Promise.all([loadWatermarksPage(db, user), getTranslations("adminWatermarks"), getTranslations("admin"), getTranslations("common")]);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const { watermarks, triggerProperties } = loaded.data;
  const typeLabels = Object.fromEntries(objectTypes.map((type) => [type, tCommon(`objectTypes.${type}`)]));

  return (
    <div className="space-y-8">
      <div>
        <AdminBreadcrumbs trail={[{ label: tAdmin("breadcrumbRoot"), href: "/admin" }, { label: t("title") }]} />
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </div>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-3">
        <section aria-labelledby="watermarks" className="min-w-0 space-y-3 lg:col-span-2">
          <h2 id="watermarks" className="text-lg font-semibold">
            {t("listHeading")} <span className="text-sm font-normal text-gray-600">({watermarks.length})</span>
          </h2>
          <p className="text-sm text-gray-700">{t("systemStamp")}</p>
          {watermarks.length > 0 ? (
            <WatermarkList watermarks={watermarks} properties={triggerProperties} typeLabels={typeLabels} />
          ) : (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-4 py-6 text-sm text-gray-600">{t("none")}</p>
          )}
        </section>

        <section aria-labelledby="new-watermark" className="h-fit min-w-0 rounded-lg border border-gray-200 bg-white p-5">
          <h2 id="new-watermark" className="mb-4 text-lg font-semibold">
            {t("form.heading")}
          </h2>
          <WatermarkForm properties={triggerProperties} typeLabels={typeLabels} />
        </section>
      </div>
    </div>
  );
}
