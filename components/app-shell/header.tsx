import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/app-shell/logo-mark";
import { MainNav } from "@/components/app-shell/main-nav";
import { NavLink } from "@/components/app-shell/nav-link";
import { sections, workspaceSectionIds } from "@/components/sections";

type AppHeaderProps = {
  // Hiding these links only tidies the header; the pages behind them must still authorize every request.
  showAnalytics?: boolean;
  showAdmin?: boolean;
  userMenu?: ReactNode;
  /** The search box of every object type (signed-in pages only). */
  search?: ReactNode;
  /** The notification bell (roles that receive notifications). */
  notifications?: ReactNode;
};

export async function AppHeader({ showAnalytics = false, showAdmin = false, userMenu, search, notifications }: AppHeaderProps) {
  const t = await getTranslations("shell");
  const links = workspaceSectionIds.map((id) => ({ href: sections[id].href, title: t(`sections.${id}`) }));
  return (
    <header className="relative border-b border-gray-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-x-2 px-3 sm:gap-x-4 sm:px-6 lg:px-8">
        <Link href="/" className="flex h-10 shrink-0 items-center gap-2 rounded-md text-base font-semibold tracking-tight text-gray-900">
          <LogoMark className="h-6 w-6" />
          <span className="sr-only sm:not-sr-only">Atelier</span>
        </Link>
        <MainNav label={t("mainNavigation")} menuLabel={t("openMenu")} links={links} narrowOnly={search ? { href: "/search", title: t("search.page") } : undefined} />
        <div className="ml-auto flex items-center gap-1">
          {search}
          {showAnalytics && (
            <NavLink href={sections.analytics.href} label={t("sections.analytics")}>
              {/* An SVG, not the 📈 emoji: machines without an emoji font would show an empty box. */}
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 3v14h14" />
                <path d="M6 13l3.5-4 3 2.5L17 6" />
              </svg>
            </NavLink>
          )}
          {showAdmin && <NavLink href={sections.admin.href}>{t("sections.admin")}</NavLink>}
          {notifications}
          {userMenu}
        </div>
      </div>
    </header>
  );
}
