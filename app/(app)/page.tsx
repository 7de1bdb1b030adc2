import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HomeSections } from "@/components/home/home-sections";
import { sections, workspaceSectionIds } from "@/components/sections";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/form-field";
import { loadHome } from "@/lib/home/load-home";
import { roleAllows } from "@/lib/authz/roles";
import { enterPage } from "@/lib/gate/page-gate";

export const metadata: Metadata = { title: { absolute: "Atelier" } };

const cardIds = [...workspaceSectionIds, "analytics", "admin"] as const;

export default async function HomePage() {
  const { user, db } = await enterPage({ name: "home.read" });
  const [t, tSections, tSearch, home] = await Promise.all([getTranslations("home"), getTranslations("shell.sections"), getTranslations("workspace.search"), loadHome(db, user)]);
  // Only what the role may use: a card for a page that would answer 404 is a dead end.
  const visible = cardIds.filter((id) => roleAllows(user.role, sections[id].capability));
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-sm leading-6 text-gray-600">{t("intro")}</p>
      <form method="get" action="/search" role="search" aria-label={tSearch("title")} className="mt-6 flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="home-search" className="block text-sm font-medium text-gray-700">
            {tSearch("label")}
          </label>
          <input id="home-search" name="q" type="search" placeholder={tSearch("placeholder")} className={inputClass()} />
        </div>
        <button type="submit" className={buttonStyles.primary}>
          {tSearch("submit")}
        </button>
      </form>
      <div className="mt-8">
        <HomeSections home={home} />
      </div>
      <h2 className="mt-10 text-base font-semibold text-gray-900">{t("sectionsHeading")}</h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {visible.map((id) => (
          <li key={id}>
            <Link
              href={sections[id].href}
              className="block h-full rounded-lg border border-gray-200 bg-white p-5 transition-colors hover:border-gray-300 hover:bg-gray-50"
            >
              <h3 className="text-sm font-semibold text-gray-900">{tSections(id)}</h3>
              <p className="mt-1 text-sm leading-6 text-gray-600">{t(`summaries.${id}`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
