import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";

interface UserMenuProps {
  name: string;
  email: string;
  roleLabel: string;
}

/** The signed-in user's menu: who they are, their sessions, sign out. A native <details> needs no script. */
export function UserMenu({ name, email, roleLabel }: UserMenuProps) {
  return (
    <details className="relative ml-2">
      <summary className="flex h-8 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-sm font-medium text-gray-700 hover:bg-gray-100">
        <span aria-hidden="true" className="flex h-6 w-6 items-center justify-center rounded-full bg-gray-900 text-xs text-white">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline">{name}</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-gray-200 bg-white p-2 shadow-lg">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium text-gray-900">{name}</p>
          <p className="truncate text-xs text-gray-500">{email}</p>
          <p className="mt-0.5 text-xs text-gray-500">{roleLabel}</p>
        </div>
        <Link href="/account/sessions" className="block rounded px-2 py-1.5 text-sm text-gray-700 hover:bg-gray-100">
          My sessions
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="w-full rounded px-2 py-1.5 text-left text-sm text-gray-700 hover:bg-gray-100">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
