import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiReference } from "@/components/api-docs/api-reference";
import { enterPage } from "@/lib/gate/page-gate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiDocs"))("title") };
}

/** The browsable reference of /api/v1 (any signed-in user, like the document it renders). */
export default async function ApiDocsPage() {
  await enterPage({ name: "openapi.read" });
  const [t, locale] = await Promise.all([getTranslations("apiDocs"), getLocale()]);
  return (
    <main id="content" className="min-h-screen bg-white">
      <header className="border-b border-gray-200 bg-gray-50 px-4 py-4 sm:px-6">
        <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
          <h1 className="text-xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
          <nav aria-label={t("links")} className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium">
            <a href="/api/v1/openapi.json" className="text-blue-700 hover:underline" download="atelier-openapi.json">
              {t("download")}
            </a>
            <Link href="/" className="text-blue-700 hover:underline">
              {t("back")}
            </Link>
          </nav>
        </div>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">{t("intro")}</p>
      </header>
      <ApiReference locale={locale} />
    </main>
  );
}
