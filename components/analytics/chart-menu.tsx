import { getTranslations } from "next-intl/server";

/** The chart's menu (a disclosure, so it works by keyboard and without script): download its data as CSV. */
export async function ChartMenu({ title, csvHref }: { title: string; csvHref: string }) {
  const t = await getTranslations("analytics.menu");
  return (
    <details className="relative shrink-0">
      <summary
        aria-label={t("label", { title })}
        className="flex h-8 w-8 cursor-pointer list-none items-center justify-center rounded-md text-gray-600 hover:bg-gray-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor">
          <circle cx="4" cy="10" r="1.6" />
          <circle cx="10" cy="10" r="1.6" />
          <circle cx="16" cy="10" r="1.6" />
        </svg>
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-gray-200 bg-white py-1 shadow-lg">
        <a href={csvHref} download className="block px-3 py-2 text-sm text-gray-800 hover:bg-gray-50 focus:bg-gray-50 focus:outline-none">
          {t("csv")}
        </a>
      </div>
    </details>
  );
}
