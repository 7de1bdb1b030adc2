import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell.notFound"))("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <div className="max-w-xl py-12">
      <p className="text-sm font-semibold text-blue-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
      <p className="mt-2 text-sm leading-6 text-gray-600">{t("body")}</p>
      <Link href="/" className="mt-6 inline-flex h-9 items-center rounded-md bg-gray-900 px-4 text-sm font-medium text-white hover:bg-gray-700">
        {t("home")}
      </Link>
    </div>
  );
}
