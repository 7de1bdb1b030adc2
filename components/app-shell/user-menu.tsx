"use client";

import Link from "next/link";
import { useId, type ReactNode } from "react";
import { useDisclosure } from "./use-disclosure";

interface UserMenuProps {
  name: string;
  email: string;
  roleLabel: string;
  /** "Account menu of …": the button's accessible name, also when only the initial shows (narrow screens). */
  buttonLabel: string;
  /** The user's own pages, in order: their sessions, their person page, the trash (for roles that can delete). */
  links: { href: string; label: string }[];
  /** The language switch and the sign-out form: server-action forms rendered by the layout. */
  children: ReactNode;
}

/** The signed-in user's menu: who they are, their own pages, the language, sign out. Closes on Escape and outside clicks. */
export function UserMenu({ name, email, roleLabel, buttonLabel, links, children }: UserMenuProps) {
  const { open, setOpen, rootRef, buttonRef } = useDisclosure<HTMLDivElement>();
  const panelId = useId();

  return (
    <div ref={rootRef} className="relative ml-2">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel}
        onClick={() => setOpen(!open)}
        className="flex h-8 items-center gap-2 rounded-md px-2 text-sm font-medium text-gray-700 hover:bg-gray-100"
      >
        <span aria-hidden="true" className="flex h-6 w-6 items-center justify-center rounded-full bg-gray-900 text-xs text-white">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span aria-hidden="true" className="hidden max-w-40 truncate sm:inline xl:hidden 2xl:inline">
          {name}
        </span>
      </button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-gray-200 bg-white p-2 shadow-lg">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium text-gray-900" title={name}>
            {name}
          </p>
          <p className="truncate text-xs text-gray-600" title={email}>
            {email}
          </p>
          <p className="mt-0.5 text-xs text-gray-600">{roleLabel}</p>
        </div>
        {links.map((link) => (
          <Link key={link.href} href={link.href} onClick={() => setOpen(false)} className="block rounded px-2 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
            {link.label}
          </Link>
        ))}
        {children}
      </div>
    </div>
  );
}
