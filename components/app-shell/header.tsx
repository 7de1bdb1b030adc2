import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/app-shell/logo-mark";
import { NavLink } from "@/components/app-shell/nav-link";
import { sections, workspaceSectionIds } from "@/components/sections";

type AppHeaderProps = {
  // Hiding these links only tidies the header; the pages behind them must still authorize every request.
  showAnalytics?: boolean;
  showAdmin?: boolean;
  userMenu?: ReactNode;
};

export function AppHeader({ showAnalytics = false, showAdmin = false, userMenu }: AppHeaderProps) {
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 px-4 sm:px-6 lg:flex-nowrap lg:px-8">
        <Link
          href="/"
          className="flex h-14 items-center gap-2 rounded-md text-base font-semibold tracking-tight text-gray-900"
        >
          <LogoMark className="h-6 w-6" />
          Atelier
        </Link>
        {/* The nav scrolls sideways on narrow screens; its padding leaves room for the focus outline it would clip. */}
        <nav
          aria-label="Main"
          className="order-last -mx-4 w-full overflow-x-auto border-t border-gray-100 px-1 [scrollbar-width:thin] sm:-mx-6 sm:px-3 lg:order-none lg:mx-0 lg:w-auto lg:min-w-0 lg:flex-1 lg:border-0 lg:px-1"
        >
          <ul className="flex gap-1 whitespace-nowrap py-2">
            {workspaceSectionIds.map((id) => (
              <li key={id}>
                <NavLink href={sections[id].href}>{sections[id].title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          {showAnalytics && (
            <NavLink href={sections.analytics.href} label={sections.analytics.title}>
              {/* An SVG, not the 📈 emoji: machines without an emoji font would show an empty box. */}
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 3v14h14" />
                <path d="M6 13l3.5-4 3 2.5L17 6" />
              </svg>
            </NavLink>
          )}
          {showAdmin && <NavLink href={sections.admin.href}>{sections.admin.title}</NavLink>}
          {userMenu}
        </div>
      </div>
    </header>
  );
}
