import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ObjectType } from "@/db/schema";
import { objectPath, objectSharePath } from "@/lib/objects/object-paths";

/** The object page's tabs, as links (each tab is its own page, so it has its own URL and works without script). */
export async function ObjectTabs({ type, id, current }: { type: ObjectType; id: string; current: "overview" | "share" }) {
  const t = await getTranslations("workspace.objectPage.tabs");
  const tabs = [
    { id: "overview" as const, href: objectPath(type, id), label: t("overview") },
    { id: "share" as const, href: objectSharePath(type, id), label: t("share") },
  ];
  return (
    <nav aria-label={t("label")} className="border-b border-gray-200">
      <ul className="-mb-px flex gap-4">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.id === current ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2 text-sm font-medium ${tab.id === current ? "border-gray-900 text-gray-900" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-800"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
