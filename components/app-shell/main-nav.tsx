"use client";

import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { NavLink } from "./nav-link";
import { useDisclosure } from "./use-disclosure";

interface MainNavProps {
  label: string;
  menuLabel: string;
  links: { href: string; title: string }[];
  /** Shown only inside the collapsed menu on narrow screens (the search page, whose box the header has no room for). */
  narrowOnly?: { href: string; title: string };
}

/**
 * The sections' links: in a row on wide screens; below 1280 px, where six French or English labels no longer fit
 * beside the brand and the menus, behind a "Menu" button (a disclosure that closes on Escape and on navigation).
 */
export function MainNav({ label, menuLabel, links, narrowOnly }: MainNavProps) {
  const { open, setOpen, rootRef, buttonRef } = useDisclosure<HTMLElement>();
  const panelId = useId();
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  // A link followed inside the panel closes it.
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  const items = links.map((link) => (
    <li key={link.href}>
      <NavLink href={link.href}>{link.title}</NavLink>
    </li>
  ));
  return (
    <nav ref={rootRef} aria-label={label} className="min-w-0 xl:flex-1">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          setOpenedAt(pathname);
        }}
        className="inline-flex h-8 items-center gap-2 rounded-md px-2 text-sm sm:px-3 font-medium text-gray-700 hover:bg-gray-100 xl:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
        {/* Icon only on a phone: the header has no room for the word beside the icons (its name stays for screen readers). */}
        <span className="sr-only sm:not-sr-only">{menuLabel}</span>
      </button>
      <ul
        id={panelId}
        className={`${open ? "flex" : "hidden"} absolute left-0 right-0 top-14 z-30 flex-col gap-1 border-b border-gray-200 bg-white p-3 shadow-md xl:static xl:flex xl:flex-row xl:border-0 xl:bg-transparent xl:p-0 xl:shadow-none`}
      >
        {narrowOnly && (
          <li className="sm:hidden">
            <NavLink href={narrowOnly.href}>{narrowOnly.title}</NavLink>
          </li>
        )}
        {items}
      </ul>
    </nav>
  );
}
